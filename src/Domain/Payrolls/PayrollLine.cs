using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Domain.Payrolls;

/// <summary>
/// One employee's pay in a payroll: what every regime has (gross pay, post-tax deductions, net pay) and the regime's own
/// figures in <see cref="Details"/>. Amounts are minor units of the company's currency.
/// </summary>
/// <param name="GrossWages">Regular pay for the period, before any deduction.</param>
/// <param name="SupplementalWages">Bonuses and other pay outside the regular wage.</param>
/// <param name="ProfileEffectiveDate">The effective date of the employee's tax profile the line was computed with.</param>
/// <param name="Trace">The regime's worksheet, as a JSON object.</param>
public sealed record PayrollLine(
    int LineNumber,
    Guid EmployeeId,
    string EmployeeName,
    string SsnLast4,
    Money GrossWages,
    Money SupplementalWages,
    Money PostTaxDeductions,
    DateOnly ProfileEffectiveDate,
    string Trace,
    IPayrollLineDetails Details)
{
    /// <summary>How the regular pay was made from the employee's compensation, for a line a run generated; null when typed.</summary>
    public LineEarnings? Earnings { get; init; }

    public Money EmployeeTaxes => Details.EmployeeTaxes;

    /// <summary>Gross plus supplemental, less pre-tax deductions, the employee's taxes and post-tax deductions.</summary>
    public Money NetPay => GrossWages + SupplementalWages - Details.PreTaxDeductions - Details.EmployeeTaxes - PostTaxDeductions;

    /// <summary>True when a recomputation gave the same figures (the trace is an explanation, not a figure).</summary>
    public bool SameFigures(PayrollLine other) =>
        GrossWages == other.GrossWages && SupplementalWages == other.SupplementalWages && PostTaxDeductions == other.PostTaxDeductions
        && Details.Equals(other.Details);
}
