namespace PayrollPortal.Application.Audit;

/// <summary>
/// What a command did, for the audit trail: the action (<c>payroll.approved</c>), the company whose chain it joins, the
/// target, and the changed fields. Details never hold an SSN or a password; a changed SSN is recorded as changed, not as a value.
/// The chain is the company's own (or <c>global</c>), unless <see cref="Chain"/> names another (<see cref="AuditChains.Security"/>).
/// </summary>
public sealed record AuditEntry(string Action, Guid? CompanyId, string TargetType, Guid TargetId, IReadOnlyDictionary<string, object?> Details)
{
    public string? Chain { get; init; }
}
