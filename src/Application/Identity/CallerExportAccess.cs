using PayrollPortal.Application.Exports;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// A download without a signed link is the caller's own: granted to a signed-in member with export rights in the company
/// (<see cref="CompanyRole.PayrollManager"/> and up, or the global administrator). Nobody anonymous, and no hint to a
/// non-member whether the company exists.
/// </summary>
public sealed class CallerExportAccess(ICurrentUser currentUser) : IExportAccess
{
    public ValueTask<ExportAccessDecision> CheckAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var caller = currentUser.Caller;
        if (!caller.IsAuthenticated)
        {
            return ValueTask.FromResult(ExportAccessDecision.Unauthenticated);
        }

        return ValueTask.FromResult(caller.RoleIn(companyId) >= CompanyRole.PayrollManager
            ? ExportAccessDecision.Granted(caller.Actor)
            : ExportAccessDecision.Forbidden);
    }
}
