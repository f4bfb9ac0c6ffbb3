using PayrollPortal.Application.Imports;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Infrastructure.Imports;

/// <summary>An uploaded import file by its format: CSV through <see cref="CsvTableReader"/>, XLSX through <see cref="XlsxTableReader"/>.</summary>
internal sealed class ImportFileReader(XlsxLimits limits) : IImportFileReader
{
    public Result<ImportTable> Read(ImportFile file) => file.Kind switch
    {
        ImportFileKind.Csv => CsvTableReader.Read(file.Content.Span),
        ImportFileKind.Xlsx => XlsxTableReader.Read(file.Content, limits),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file.Kind, "Unknown import format."),
    };
}
