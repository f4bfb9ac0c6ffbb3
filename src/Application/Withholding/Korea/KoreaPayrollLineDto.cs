using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>A kr payroll line's pay items and six deductions, whole KRW as JSON integers.</summary>
public sealed record KoreaPayrollLineDto(
    long BasePay,
    long TaxableAllowances,
    long Bonus,
    KoreaNonTaxableDto NonTaxable,
    long TaxablePay,
    long NonTaxablePay,
    long NationalPension,
    long HealthInsurance,
    long LongTermCare,
    long EmploymentInsurance,
    long IncomeTax,
    long LocalIncomeTax,
    long TotalDeductions,
    int Dependents,
    int ChildrenAged8To20,
    int WithholdingRatio)
{
    public static KoreaPayrollLineDto From(KoreaPayrollLine l) => new(
        l.BasePay, l.TaxableAllowances, l.Bonus, new KoreaNonTaxableDto(l.NonTaxable.Meals, l.NonTaxable.CarAllowance, l.NonTaxable.Childcare),
        l.TaxablePay, l.NonTaxablePay, l.NationalPension, l.HealthInsurance, l.LongTermCare, l.EmploymentInsurance, l.IncomeTax, l.LocalIncomeTax,
        l.Deductions, l.Dependents, l.ChildrenAged8To20, l.WithholdingRatio);
}

/// <summary>A kr payroll's sums of the six deductions, whole KRW.</summary>
public sealed record KoreaPayrollTotalsDto(
    long GrossPay,
    long TaxablePay,
    long NationalPension,
    long HealthInsurance,
    long LongTermCare,
    long EmploymentInsurance,
    long IncomeTax,
    long LocalIncomeTax,
    long TotalDeductions,
    long NetPay)
{
    public static KoreaPayrollTotalsDto From(IReadOnlyList<PayrollLine> lines)
    {
        long Sum(Func<KoreaPayrollLine, long> pick) => lines.Sum(l => pick((KoreaPayrollLine)l.Details));
        return new KoreaPayrollTotalsDto(
            Sum(k => k.GrossPay), Sum(k => k.TaxablePay), Sum(k => k.NationalPension), Sum(k => k.HealthInsurance), Sum(k => k.LongTermCare),
            Sum(k => k.EmploymentInsurance), Sum(k => k.IncomeTax), Sum(k => k.LocalIncomeTax), Sum(k => k.Deductions), lines.Sum(l => l.NetPay.Cents));
    }
}
