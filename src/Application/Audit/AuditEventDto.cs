using System.Text.Json;

namespace PayrollPortal.Application.Audit;

public sealed record AuditEventDto(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Actor,
    Guid? CompanyId,
    string Action,
    string TargetType,
    string TargetId,
    string RequestId,
    string? IdempotencyKey,
    JsonElement Details,
    long Sequence,
    string Hash);
