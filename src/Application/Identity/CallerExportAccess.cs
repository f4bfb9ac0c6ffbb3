using PayrollPortal.Application.Exports;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// A download without a signed link is the caller's own: granted to a signed-in member with export rights in the company
/// (<see cref="CompanyRole.PayrollManager"/> and up, or the global administrator). Nobody anonymous, and no hint to a
/// non-member whether the company exists.
/// </summary>
public sealed class CallerExportAccess(ICurrentUser currentUser, IIdentityQueries identities) : IExportAccess
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

    /// <summary>Read afresh: a link outlives neither its issuer's membership, nor their role, nor their account.</summary>
    public async Task<bool> IssuerMayExportAsync(Guid issuerId, Guid companyId, CancellationToken cancellationToken)
    {
        if (await identities.GetUserAsync(issuerId, cancellationToken) is not { } issuer)
        {
            return false;
        }

        return issuer.IsAdmin
            || ((await identities.MembershipsAsync(issuerId, cancellationToken)).TryGetValue(companyId, out var role) && role >= CompanyRole.PayrollManager);
    }
}
