namespace PayrollPortal.Application.Exports;

/// <summary>The wire names, file extensions and media types of the export formats.</summary>
public static class ExportFormats
{
    public static bool TryParse(string? text, out ExportFormat format)
    {
        switch (text)
        {
            case "csv":
                format = ExportFormat.Csv;
                return true;
            case "xlsx":
                format = ExportFormat.Xlsx;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string ToText(this ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static string ContentType(this ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8; header=present"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
