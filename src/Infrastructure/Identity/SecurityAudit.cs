using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Audit;

namespace PayrollPortal.Infrastructure.Identity;

/// <summary>Appends to the <c>security</c> chain in a connection and transaction of its own, committed at once.</summary>
internal sealed class SecurityAudit(IDbConnectionFactory connections, IRequestContext request, TimeProvider clock) : ISecurityAudit
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var session = new DbSession(connections);
        await session.BeginAsync(cancellationToken);
        await AuditTrail.AppendAsync(session, entry with { Chain = AuditChains.Security }, request, null, clock, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }
}
