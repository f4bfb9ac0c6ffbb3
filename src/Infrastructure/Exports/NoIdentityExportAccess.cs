using PayrollPortal.Application.Exports;

namespace PayrollPortal.Infrastructure.Exports;

/// <summary>
/// The <see cref="IExportAccess"/> until identity exists (issue 7): there are no sessions or tokens, so nobody is
/// authenticated and a download without a valid signed link is refused. Identity replaces this registration.
/// </summary>
public sealed class NoIdentityExportAccess : IExportAccess
{
    public ValueTask<ExportAccessDecision> CheckAsync(Guid companyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ExportAccessDecision.Unauthenticated);
}
