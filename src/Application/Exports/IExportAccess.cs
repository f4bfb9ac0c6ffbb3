namespace PayrollPortal.Application.Exports;

/// <summary>
/// Whether the caller's own session or token may download a company's exports, for a download without a signed link.
/// Identity (issue 7) implements this from the authenticated user and their role in the company (viewer and above);
/// until then the only implementation grants nothing, so a download is never anonymous.
/// </summary>
public interface IExportAccess
{
    ValueTask<ExportAccessDecision> CheckAsync(Guid companyId, CancellationToken cancellationToken);

    /// <summary>Whether the user who issued a signed link still has export rights in the company, at download time.</summary>
    Task<bool> IssuerMayExportAsync(Guid issuerId, Guid companyId, CancellationToken cancellationToken);
}
