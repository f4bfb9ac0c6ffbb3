namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>One month of a kr company's approved payrolls: pay and the six deductions, whole KRW.</summary>
public sealed record KoreaWithholdingMonthDto(
    int Month,
    long GrossPay,
    long TaxablePay,
    long NationalPension,
    long HealthInsurance,
    long LongTermCare,
    long EmploymentInsurance,
    long IncomeTax,
    long LocalIncomeTax,
    long TotalDeductions,
    int PayrollCount)
{
    public static KoreaWithholdingMonthDto Empty(int month) => new(month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static KoreaWithholdingMonthDto Sum(IReadOnlyList<KoreaWithholdingMonthDto> months) => new(
        0, months.Sum(m => m.GrossPay), months.Sum(m => m.TaxablePay), months.Sum(m => m.NationalPension), months.Sum(m => m.HealthInsurance),
        months.Sum(m => m.LongTermCare), months.Sum(m => m.EmploymentInsurance), months.Sum(m => m.IncomeTax), months.Sum(m => m.LocalIncomeTax),
        months.Sum(m => m.TotalDeductions), months.Sum(m => m.PayrollCount));
}

/// <summary>The kr part of the withholding report: totals and the per-month breakdown.</summary>
public sealed record KoreaWithholdingReportDto(KoreaWithholdingMonthDto Totals, IReadOnlyList<KoreaWithholdingMonthDto> Months);
