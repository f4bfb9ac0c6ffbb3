using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Imports;

/// <summary>
/// Reads an uploaded CSV or XLSX file into rows of text. A file it cannot read at all (CSV that is not UTF-8, an XLSX that
/// is not a ZIP or that would expand beyond its limits) is one error on <c>file</c>; formulas are never evaluated.
/// </summary>
public interface IImportFileReader
{
    Result<ImportTable> Read(ImportFile file);
}
