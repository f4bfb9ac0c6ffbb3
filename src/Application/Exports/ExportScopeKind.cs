namespace PayrollPortal.Application.Exports;

public enum ExportScopeKind
{
    Payroll,
    Month,
    Quarter,
}
