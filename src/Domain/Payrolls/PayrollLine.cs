using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Payrolls;

/// <summary>One employee's pay in a payroll: what was entered, what each tax was figured on, and what was withheld.</summary>
public sealed record PayrollLine(
    int LineNumber,
    Guid EmployeeId,
    string EmployeeName,
    string SsnLast4,
    PayrollLineInputs Inputs,
    LineTaxableWages TaxableWages,
    LineWithholdings Withholdings,
    LineEmployerTaxes EmployerTaxes,
    DateOnly W4EffectiveDate,
    string Trace)
{
    /// <summary>Gross plus supplemental, less pre-tax deductions, withholdings and post-tax deductions.</summary>
    public Money NetPay =>
        Inputs.GrossWages + Inputs.SupplementalWages - Inputs.Retirement - Inputs.Cafeteria - Inputs.Hsa - Withholdings.Total - Inputs.PostTaxDeductions;
}
