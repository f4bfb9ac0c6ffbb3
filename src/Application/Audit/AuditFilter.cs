namespace PayrollPortal.Application.Audit;

/// <summary>Which events to list: every criterion is optional; <paramref name="To"/> is exclusive.</summary>
public sealed record AuditFilter(Guid? CompanyId, string? Action, DateTimeOffset? From, DateTimeOffset? To);
