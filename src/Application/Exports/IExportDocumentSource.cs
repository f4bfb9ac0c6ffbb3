using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// A kind of document a module exports through the same link issuer and writers as the payroll register (a regime's own sheet,
/// say). A link request names one by its own scope member (<c>{"scope": {"&lt;ScopeMember&gt;": "&lt;id&gt;"}}</c>); the link
/// carries <c>&lt;Kind&gt;-&lt;id&gt;</c> in <c>scope=</c>. The core names no module's documents: it finds the source by the member
/// or the kind.
/// </summary>
public interface IExportDocumentSource
{
    /// <summary>The scope member of a link request that names one document, camelCase (<c>sheetId</c>).</summary>
    string ScopeMember { get; }

    /// <summary>The scope token's prefix in a link: 1 to 16 lower-case ASCII letters, unique among the sources.</summary>
    string Kind { get; }

    /// <summary>The company's document as a file is written from it; a not-found or conflict error otherwise (a voided document).</summary>
    Task<Result<ExportDocument>> FindAsync(Guid companyId, Guid documentId, CancellationToken cancellationToken);
}
