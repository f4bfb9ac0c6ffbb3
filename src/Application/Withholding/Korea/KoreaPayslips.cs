using System.Globalization;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// The kr wage statement (임금명세서, Labor Standards Act art. 48(2), Enforcement Decree art. 27-2), bilingual with Korean
/// first: 성명 and 사원번호 (never the resident registration number), 임금지급일, every earning item with 임금총액, how an
/// item that depends on days was calculated (일할계산), each of the six deductions and other deductions with the total, and
/// 실지급액.
/// </summary>
public sealed class KoreaPayslips : IPayslips
{
    public string Regime => KoreaRegime.RegimeCode;

    public PayslipLabels Labels { get; } = new(
        "임금명세서 Payslip", "사업장 Employer", "사업자등록번호 Business registration no.", "소재지 Address", "성명 Name",
        "임금계산기간 Pay period", "임금지급일 Pay date", "항목 Item", "당월 This month", "연간누계 Year to date",
        new Dictionary<PayslipSection, string>
        {
            [PayslipSection.Earnings] = "지급내역 Earnings",
            [PayslipSection.PreTaxDeductions] = "세전공제 Pre-tax deductions",
            [PayslipSection.Taxes] = "공제내역 Deductions",
            [PayslipSection.PostTaxDeductions] = "기타공제 Other deductions",
        },
        "임금총액 Total pay", "공제총액 Total deductions", "실지급액 Net pay", "단위 Amounts in");

    public string? EmployerIdentifier(CompanyDto company) => company.RegistrationNumber;

    // Labor Standards Act Enforcement Decree art. 27-2 asks for the name and the birth date or the employee number: the
    // number when the company gives one, otherwise the birth date the 주민등록번호 holds (its first seven digits).
    public (string Label, string Value)? EmployeeIdentifier(PayrollLine line, string? employeeNumber, Func<string> nationalId) =>
        !string.IsNullOrWhiteSpace(employeeNumber) ? ("사원번호 Employee no.", employeeNumber)
        : BirthDate(nationalId()) is { } born ? ("생년월일 Date of birth", born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        : null;

    /// <summary>YYMMDD and the century from the seventh digit (1, 2, 5, 6: 1900s; 3, 4, 7, 8: 2000s; 9, 0: 1800s).</summary>
    internal static DateOnly? BirthDate(string digits)
    {
        if (digits.Length != 13 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var century = digits[6] switch
        {
            '1' or '2' or '5' or '6' => 1900,
            '3' or '4' or '7' or '8' => 2000,
            _ => 1800,
        };
        var year = century + int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture);
        return DateOnly.TryParseExact($"{year:D4}{digits[2..6]}", "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    public IReadOnlyList<PayslipItem> Items(PayrollLine line)
    {
        var kr = (KoreaPayrollLine)line.Details;
        var prorated = Proration(line.Earnings);
        return
        [
            new(PayslipSection.Earnings, "basePay", "기본급 Base pay", kr.BasePay, prorated),
            new(PayslipSection.Earnings, "taxableAllowances", "수당 Allowances", kr.TaxableAllowances, kr.TaxableAllowances != 0 ? prorated : null),
            new(PayslipSection.Earnings, "bonus", "상여 Bonus", kr.Bonus),
            new(PayslipSection.Earnings, "meals", "식대 (비과세) Meals (non-taxable)", kr.NonTaxable.Meals, kr.NonTaxable.Meals != 0 ? prorated : null),
            new(PayslipSection.Earnings, "carAllowance", "자가운전보조금 (비과세) Car allowance (non-taxable)", kr.NonTaxable.CarAllowance),
            new(PayslipSection.Earnings, "childcare", "보육수당 (비과세) Childcare (non-taxable)", kr.NonTaxable.Childcare),
            new(PayslipSection.Taxes, "nationalPension", "국민연금 National pension", kr.NationalPension),
            new(PayslipSection.Taxes, "healthInsurance", "건강보험 Health insurance", kr.HealthInsurance),
            new(PayslipSection.Taxes, "longTermCare", "장기요양보험 Long-term care insurance", kr.LongTermCare),
            new(PayslipSection.Taxes, "employmentInsurance", "고용보험 Employment insurance", kr.EmploymentInsurance),
            new(PayslipSection.Taxes, "incomeTax", "소득세 Income tax", kr.IncomeTax),
            new(PayslipSection.Taxes, "localIncomeTax", "지방소득세 Local income tax", kr.LocalIncomeTax),
            new(PayslipSection.PostTaxDeductions, "otherDeductions", "기타공제 Other deductions", line.PostTaxDeductions.Cents),
        ];
    }

    /// <summary>일할계산: the monthly amount × days employed / calendar days of the period, for a month joined or left inside.</summary>
    private static string? Proration(LineEarnings? earnings) =>
        earnings is { DaysEmployed: { } employed, DaysInPeriod: { } days }
            ? string.Create(CultureInfo.InvariantCulture, $"일할계산 월액 × {employed}일 / {days}일 (Prorated: {employed} of {days} calendar days)")
            : null;
}
