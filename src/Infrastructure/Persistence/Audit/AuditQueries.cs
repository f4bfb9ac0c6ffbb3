using System.Text;
using System.Text.Json;
using Dapper;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Paging;

namespace PayrollPortal.Infrastructure.Persistence.Audit;

internal sealed class AuditQueries(DbSession session) : IAuditQueries
{
    public async Task<IReadOnlyList<AuditEventDto>> ListAsync(AuditFilter filter, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {AuditLink.Columns} FROM audit_events WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (filter.CompanyId is { } companyId)
        {
            sql.Append(" AND company_id = @companyId");
            parameters.Add("companyId", companyId);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            sql.Append(" AND action = @action");
            parameters.Add("action", filter.Action);
        }

        if (!string.IsNullOrEmpty(filter.EntityType))
        {
            sql.Append(" AND target_type = @entityType");
            parameters.Add("entityType", filter.EntityType);
        }

        if (filter.EntityId is { } entityId)
        {
            sql.Append(" AND target_id = @entityId");
            parameters.Add("entityId", entityId.ToString("D"));
        }

        if (filter.ActorEmail is { } email)
        {
            // The user signed in, or one of their API tokens ("email (token id)"); substr, not LIKE, since an email may hold '_'.
            var tokenPrefix = email + " (token ";
            sql.Append(" AND (actor = @actor OR substr(actor, 1, @tokenPrefixLength) = @tokenPrefix)");
            parameters.Add("actor", email);
            parameters.Add("tokenPrefix", tokenPrefix);
            parameters.Add("tokenPrefixLength", tokenPrefix.Length);
        }

        if (filter.From is { } from)
        {
            sql.Append(" AND occurred_at >= @from");
            parameters.Add("from", from);
        }

        if (filter.To is { } to)
        {
            sql.Append(" AND occurred_at < @to");
            parameters.Add("to", to);
        }

        if (after is { } cursor)
        {
            sql.Append(" AND (occurred_at, id) > (@afterAt, @afterId)");
            parameters.Add("afterAt", cursor.CreatedAt);
            parameters.Add("afterId", cursor.Id);
        }

        sql.Append(" ORDER BY occurred_at, id LIMIT @take");
        parameters.Add("take", take);

        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditLink>(new CommandDefinition(sql.ToString(), parameters, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(ToDto)];
    }

    private static AuditEventDto ToDto(AuditLink row)
    {
        using var details = JsonDocument.Parse(row.Details);
        return new AuditEventDto(row.Id, row.OccurredAt, row.Actor, row.CompanyId, row.Action, row.TargetType, row.TargetId, row.RequestId,
            row.IdempotencyKey, details.RootElement.Clone(), row.Seq, row.Hash);
    }
}
