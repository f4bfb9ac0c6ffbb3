using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

/// <summary>A <c>payroll_lines</c> row; amounts are integer cents.</summary>
internal sealed class PayrollLineRow
{
    public const string Columns =
        "payroll_id AS PayrollId, line_no AS LineNo, employee_id AS EmployeeId, employee_name AS EmployeeName, ssn_last4 AS SsnLast4, " +
        "gross_wages AS GrossWages, supplemental_wages AS SupplementalWages, retirement AS Retirement, cafeteria AS Cafeteria, hsa AS Hsa, " +
        "post_tax_deductions AS PostTaxDeductions, fit_wages AS FitWages, social_security_wages AS SocialSecurityWages, medicare_wages AS MedicareWages, " +
        "additional_medicare_wages AS AdditionalMedicareWages, federal_income_tax AS FederalIncomeTax, social_security AS SocialSecurity, " +
        "medicare AS Medicare, additional_medicare AS AdditionalMedicare, employer_social_security AS EmployerSocialSecurity, " +
        "employer_medicare AS EmployerMedicare, w4_effective_date AS W4EffectiveDate, trace AS Trace";

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
        Trace);
}
