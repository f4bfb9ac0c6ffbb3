namespace PayrollPortal.Application.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}
