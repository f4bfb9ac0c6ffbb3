using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>
/// A kr payroll line's inputs and its six deductions, in whole KRW: base pay, taxable allowances and bonus are taxable; the
/// non-taxable allowances are exempt up to their limits: the details of a regime-neutral <c>PayrollLine</c>.
/// </summary>
public sealed record KoreaPayrollLine(
    long BasePay,
    long TaxableAllowances,
    long Bonus,
    KoreaNonTaxableAllowances NonTaxable,
    int Dependents,
    int ChildrenAged8To20,
    int WithholdingRatio,
    long TaxablePay,
    long NonTaxablePay,
    long NationalPension,
    long HealthInsurance,
    long LongTermCare,
    long EmploymentInsurance,
    long IncomeTax,
    long LocalIncomeTax,
    KoreaPremiumMonth? PremiumMonth = null) : IPayrollLineDetails
{
    public long GrossPay => BasePay + TaxableAllowances + Bonus + NonTaxable.Total;

    public Money PreTaxDeductions => Money.Zero;

    public Money EmployeeTaxes => new(Deductions);

    public long Deductions => NationalPension + HealthInsurance + LongTermCare + EmploymentInsurance + IncomeTax + LocalIncomeTax;
}
