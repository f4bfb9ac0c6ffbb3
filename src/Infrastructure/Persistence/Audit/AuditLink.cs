using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace PayrollPortal.Infrastructure.Persistence.Audit;

/// <summary>
/// One stored audit event, and the hash that chains it: SHA-256 over a canonical JSON array of every column but the hash
/// itself, including the previous event's hash. Changing any column, or removing an event, breaks the chain.
/// </summary>
internal sealed class AuditLink
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public const string Columns =
        "id AS Id, chain AS Chain, seq AS Seq, occurred_at AS OccurredAt, actor AS Actor, company_id AS CompanyId, action AS Action, " +
        "target_type AS TargetType, target_id AS TargetId, request_id AS RequestId, idempotency_key AS IdempotencyKey, details AS Details, " +
        "prev_hash AS PrevHash, hash AS Hash";

    public Guid Id { get; init; }

    public string Chain { get; init; } = string.Empty;

    public long Seq { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public string Actor { get; init; } = string.Empty;

    public Guid? CompanyId { get; init; }

    public string Action { get; init; } = string.Empty;

    public string TargetType { get; init; } = string.Empty;

    public string TargetId { get; init; } = string.Empty;

    public string RequestId { get; init; } = string.Empty;

    public string? IdempotencyKey { get; init; }

    public string Details { get; init; } = "{}";

    public string PrevHash { get; init; } = Genesis;

    public string Hash { get; init; } = string.Empty;

    /// <summary>Instants are hashed at microsecond precision, which both databases store exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) => new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);

    public string ComputeHash()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(Chain);
            writer.WriteNumberValue(Seq);
            writer.WriteStringValue(Id.ToString("D"));
            writer.WriteStringValue(OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            writer.WriteStringValue(Actor);
            writer.WriteStringValue(CompanyId?.ToString("D"));
            writer.WriteStringValue(Action);
            writer.WriteStringValue(TargetType);
            writer.WriteStringValue(TargetId);
            writer.WriteStringValue(RequestId);
            writer.WriteStringValue(IdempotencyKey);
            writer.WriteStringValue(Details);
            writer.WriteStringValue(PrevHash);
            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
