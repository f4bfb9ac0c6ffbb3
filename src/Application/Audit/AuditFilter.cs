namespace PayrollPortal.Application.Audit;

/// <summary>
/// Which events to list: every criterion is optional; <paramref name="To"/> is exclusive. <paramref name="ActorEmail"/> matches
/// the user's own events and those made with their API tokens (recorded as <c>email (token id)</c>).
/// </summary>
public sealed record AuditFilter(
    Guid? CompanyId, string? Action, DateTimeOffset? From, DateTimeOffset? To, string? EntityType = null, Guid? EntityId = null, string? ActorEmail = null);
