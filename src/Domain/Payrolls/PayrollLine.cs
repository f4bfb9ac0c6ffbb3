using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Domain.Payrolls;

/// <summary>
/// One employee's pay in a payroll: what was entered, what each tax was figured on, and what was withheld. A kr line carries
/// its inputs and deductions in <see cref="Korea"/> (amounts in whole KRW); its us-federal figures are zero.
/// </summary>
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
    string Trace,
    KoreaPayrollLine? Korea = null)
{
    /// <summary>Gross plus supplemental, less pre-tax deductions, withholdings (the kr six included) and post-tax deductions.</summary>
    public Money NetPay =>
        Inputs.GrossWages + Inputs.SupplementalWages - Inputs.Retirement - Inputs.Cafeteria - Inputs.Hsa - Withholdings.Total - Inputs.PostTaxDeductions
        - new Money(Korea?.Deductions ?? 0);
}
