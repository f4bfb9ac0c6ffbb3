namespace PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

/// <summary>A sheet's life, as a payroll's: draft, then approved, then (with a reason) voided.</summary>
public enum BusinessIncomeSheetStatus
{
    Draft,
    Approved,
    Voided,
}
