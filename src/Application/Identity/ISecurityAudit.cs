using PayrollPortal.Application.Audit;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Records security events (authorization denials) in the audit trail's <c>security</c> chain, in a transaction of their
/// own: the denied command never began one, and its rollback must not erase the record of the attempt.
/// </summary>
public interface ISecurityAudit
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
