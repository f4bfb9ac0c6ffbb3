using System.Text.Json;
using Dapper;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.Infrastructure.Persistence.Audit;

/// <summary>
/// Appends to the company's hash chain inside the command's transaction. The chain head row is locked first (an UPDATE, which
/// PostgreSQL holds until commit; SQLite already serialises writers), so appends to one company's chain queue up while other
/// companies' commands never wait. The event and the head commit or roll back with the business rows.
/// </summary>
internal sealed class AuditTrail(DbSession session, IRequestContext request, IdempotencyContext idempotency, TimeProvider clock) : IAuditTrail
{
    public const string GlobalChain = AuditChains.Global;

    private static readonly JsonSerializerOptions DetailsOptions = new(JsonSerializerDefaults.Web);

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        AppendAsync(session, entry, request, idempotency.Request?.Key, clock, cancellationToken);

    /// <summary>Appends <paramref name="entry"/> inside <paramref name="session"/>'s open transaction.</summary>
    internal static async Task AppendAsync(
        DbSession session, AuditEntry entry, IRequestContext request, string? idempotencyKey, TimeProvider clock, CancellationToken cancellationToken)
    {
        var transaction = session.Transaction ?? throw new InvalidOperationException("Audit events are recorded inside a command's transaction.");
        var connection = await session.ConnectionAsync(cancellationToken);
        var chain = entry.Chain ?? entry.CompanyId?.ToString("D") ?? GlobalChain;

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (@chain, 0, @genesis) ON CONFLICT (chain) DO NOTHING",
            new { chain, genesis = AuditLink.Genesis }, transaction, cancellationToken: cancellationToken));
        var head = await connection.QuerySingleAsync<(long Seq, string Hash)>(new CommandDefinition(
            "UPDATE audit_chain_heads SET seq = seq + 1 WHERE chain = @chain RETURNING seq, hash",
            new { chain }, transaction, cancellationToken: cancellationToken));

        var link = new AuditLink
        {
            Id = Guid.CreateVersion7(),
            Chain = chain,
            Seq = head.Seq,
            OccurredAt = AuditLink.Truncate(clock.GetUtcNow()),
            Actor = request.Actor,
            CompanyId = entry.CompanyId,
            Action = entry.Action,
            TargetType = entry.TargetType,
            TargetId = entry.TargetId.ToString("D"),
            RequestId = request.RequestId,
            IdempotencyKey = idempotencyKey,
            Details = CanonicalJson.Serialize(entry.Details, DetailsOptions),
            PrevHash = head.Hash,
        };
        var hash = link.ComputeHash();

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_events (id, chain, seq, occurred_at, actor, company_id, action, target_type, target_id, request_id,
                                      idempotency_key, details, prev_hash, hash)
            VALUES (@Id, @Chain, @Seq, @OccurredAt, @Actor, @CompanyId, @Action, @TargetType, @TargetId, @RequestId,
                    @IdempotencyKey, @Details, @PrevHash, @hash);
            UPDATE audit_chain_heads SET hash = @hash WHERE chain = @Chain;
            """,
            new
            {
                link.Id, link.Chain, link.Seq, link.OccurredAt, link.Actor, link.CompanyId, link.Action, link.TargetType, link.TargetId,
                link.RequestId, link.IdempotencyKey, link.Details, link.PrevHash, hash,
            },
            transaction,
            cancellationToken: cancellationToken));
    }
}
