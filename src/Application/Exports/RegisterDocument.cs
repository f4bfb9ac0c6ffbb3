namespace PayrollPortal.Application.Exports;

/// <summary>Everything a file says about itself besides its rows (the XLSX Meta sheet; the DRAFT marks in both formats).</summary>
public sealed record RegisterDocument(
    string CompanyName,
    string CompanySlug,
    ExportScope Scope,
    bool IsDraft,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    string RequestId,
    RegisterColumns? Columns = null)
{
    /// <summary>The regime's columns; us-federal unless the company is on another regime.</summary>
    public RegisterColumns Layout => Columns ?? RegisterColumns.UsFederal;
}
