namespace PayrollPortal.Application.Exports;

public enum ExportScopeKind
{
    Payroll,
    Month,
    Quarter,

    /// <summary>One document of a module's <see cref="IExportDocumentSource"/>.</summary>
    Document,
}
