namespace PayrollPortal.Application.Imports;

/// <summary>
/// Writes a template: CSV (the header, an example row and a notes row whose first cell starts with <c>#</c>, which an import
/// skips) or XLSX (the header with a note on each cell, an example row, a list for each choice column, and a Notes sheet).
/// </summary>
public interface IImportTemplateWriter
{
    byte[] WriteCsv(ImportTemplate template);

    Task<byte[]> WriteXlsxAsync(ImportTemplate template, CancellationToken cancellationToken);
}
