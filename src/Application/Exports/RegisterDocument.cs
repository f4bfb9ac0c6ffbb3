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
    RegisterColumns Layout);
