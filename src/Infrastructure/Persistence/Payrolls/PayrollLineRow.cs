using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

/// <summary>A <c>payroll_lines</c> row; amounts are integer cents.</summary>
internal sealed class PayrollLineRow
{
    /// <summary>Selected from <c>payroll_lines l</c>.</summary>
    public const string Columns =
        "l.payroll_id AS PayrollId, l.line_no AS LineNo, l.employee_id AS EmployeeId, l.employee_name AS EmployeeName, l.ssn_last4 AS SsnLast4, " +
        "l.gross_wages AS GrossWages, l.supplemental_wages AS SupplementalWages, l.retirement AS Retirement, l.cafeteria AS Cafeteria, l.hsa AS Hsa, " +
        "l.post_tax_deductions AS PostTaxDeductions, l.fit_wages AS FitWages, l.social_security_wages AS SocialSecurityWages, l.medicare_wages AS MedicareWages, " +
        "l.additional_medicare_wages AS AdditionalMedicareWages, l.federal_income_tax AS FederalIncomeTax, l.social_security AS SocialSecurity, " +
        "l.medicare AS Medicare, l.additional_medicare AS AdditionalMedicare, l.employer_social_security AS EmployerSocialSecurity, " +
        "l.employer_medicare AS EmployerMedicare, l.w4_effective_date AS W4EffectiveDate, l.trace AS Trace";

    /// <summary>Column order of the batched INSERT; <see cref="Values"/> yields the values in the same order.</summary>
    public static readonly string[] InsertColumns =
    [
        "payroll_id", "line_no", "employee_id", "employee_name", "ssn_last4", "gross_wages", "supplemental_wages", "retirement", "cafeteria", "hsa",
        "post_tax_deductions", "fit_wages", "social_security_wages", "medicare_wages", "additional_medicare_wages", "federal_income_tax",
        "social_security", "medicare", "additional_medicare", "employer_social_security", "employer_medicare", "net_pay", "w4_effective_date", "trace",
    ];

    public Guid PayrollId { get; init; }

    public int LineNo { get; init; }

    public Guid EmployeeId { get; init; }

    public string EmployeeName { get; init; } = string.Empty;

    public string SsnLast4 { get; init; } = string.Empty;

    public Money GrossWages { get; init; }

    public Money SupplementalWages { get; init; }

    public Money Retirement { get; init; }

    public Money Cafeteria { get; init; }

    public Money Hsa { get; init; }

    public Money PostTaxDeductions { get; init; }

    public Money FitWages { get; init; }

    public Money SocialSecurityWages { get; init; }

    public Money MedicareWages { get; init; }

    public Money AdditionalMedicareWages { get; init; }

    public Money FederalIncomeTax { get; init; }

    public Money SocialSecurity { get; init; }

    public Money Medicare { get; init; }

    public Money AdditionalMedicare { get; init; }

    public Money EmployerSocialSecurity { get; init; }

    public Money EmployerMedicare { get; init; }

    public DateOnly W4EffectiveDate { get; init; }

    public string Trace { get; init; } = "{}";

    public long? KrBasePay { get; init; }

    public long KrTaxableAllowances { get; init; }

    public long KrBonus { get; init; }

    public long KrMeals { get; init; }

    public long KrCarAllowance { get; init; }

    public long KrChildcare { get; init; }

    public long KrTaxablePay { get; init; }

    public long KrNonTaxablePay { get; init; }

    public long KrNationalPension { get; init; }

    public long KrHealthInsurance { get; init; }

    public long KrLongTermCare { get; init; }

    public long KrEmploymentInsurance { get; init; }

    public long KrIncomeTax { get; init; }

    public long KrLocalIncomeTax { get; init; }

    public int KrDependents { get; init; }

    public int KrChildren { get; init; }

    public int KrWithholdingRatio { get; init; }

    public static IEnumerable<object?> Values(Guid payrollId, PayrollLine line)
    {
        yield return payrollId;
        yield return line.LineNumber;
        yield return line.EmployeeId;
        yield return line.EmployeeName;
        yield return line.SsnLast4;
        yield return line.Inputs.GrossWages.Cents;
        yield return line.Inputs.SupplementalWages.Cents;
        yield return line.Inputs.Retirement.Cents;
        yield return line.Inputs.Cafeteria.Cents;
        yield return line.Inputs.Hsa.Cents;
        yield return line.Inputs.PostTaxDeductions.Cents;
        yield return line.TaxableWages.FederalIncomeTax.Cents;
        yield return line.TaxableWages.SocialSecurity.Cents;
        yield return line.TaxableWages.Medicare.Cents;
        yield return line.TaxableWages.AdditionalMedicare.Cents;
        yield return line.Withholdings.FederalIncomeTax.Cents;
        yield return line.Withholdings.SocialSecurity.Cents;
        yield return line.Withholdings.Medicare.Cents;
        yield return line.Withholdings.AdditionalMedicare.Cents;
        yield return line.EmployerTaxes.SocialSecurity.Cents;
        yield return line.EmployerTaxes.Medicare.Cents;
        yield return line.NetPay.Cents;
        yield return line.W4EffectiveDate;
        yield return line.Trace;
    }

    public PayrollLine ToDomain() => new(
        LineNo,
        EmployeeId,
        EmployeeName,
        SsnLast4,
        new PayrollLineInputs(GrossWages, SupplementalWages, Retirement, Cafeteria, Hsa, PostTaxDeductions),
        new LineTaxableWages(FitWages, SocialSecurityWages, MedicareWages, AdditionalMedicareWages),
        new LineWithholdings(FederalIncomeTax, SocialSecurity, Medicare, AdditionalMedicare),
        new LineEmployerTaxes(EmployerSocialSecurity, EmployerMedicare),
        W4EffectiveDate,
        Trace,
        KrBasePay is { } basePay
            ? new KoreaPayrollLine(
                basePay, KrTaxableAllowances, KrBonus, new KoreaNonTaxableAllowances(KrMeals, KrCarAllowance, KrChildcare), KrDependents, KrChildren,
                KrWithholdingRatio, KrTaxablePay, KrNonTaxablePay, KrNationalPension, KrHealthInsurance, KrLongTermCare, KrEmploymentInsurance, KrIncomeTax,
                KrLocalIncomeTax)
            : null);
}
