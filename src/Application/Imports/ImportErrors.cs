using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Imports;

/// <summary>The import's own refusals; a row's rules answer with the same errors as the API's.</summary>
public static class ImportErrors
{
    public static readonly Error Encoding = Error.Validation(
        "import.encoding", "The CSV file must be UTF-8 (with or without a byte order mark); save it as \"CSV UTF-8\".", "file");

    public static readonly Error NotXlsx = Error.Validation(
        "import.xlsx_invalid", "The file is not an XLSX workbook (an Office Open XML ZIP package with a worksheet).", "file");

    public static readonly Error ZipBomb = Error.Validation(
        "import.xlsx_too_large", "The XLSX file expands to more than the import allows; it is refused unread.", "file");

    public static readonly Error NoRows = Error.Validation("import.no_rows", "The file has a header row but no data rows.", "file");

    public static readonly Error HeaderRequired = Error.Validation("import.header_required", "The file needs a header row (row 1).", "file");

    public static Error RegimeUnsupported(string regime) =>
        Error.Conflict("import.regime_unsupported", $"Employees of a '{regime}' company cannot be imported from a file.");
}
