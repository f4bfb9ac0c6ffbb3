namespace PayrollPortal.Application.Imports;

/// <summary>The formats an import takes: CSV (UTF-8, with or without a BOM) or an XLSX workbook's first sheet.</summary>
public enum ImportFileKind
{
    Csv,
    Xlsx,
}
