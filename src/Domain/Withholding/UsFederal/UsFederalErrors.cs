using System.Globalization;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>Input errors of the us-federal regime. Field names are the JSON paths of the preview request.</summary>
public static class UsFederalErrors
{
    public static readonly Error W4Required = Error.Validation("withholding.w4_required", "A Form W-4 is required.", "w4");

    public static readonly Error PayFrequencyUnknown = Error.Validation(
        "withholding.pay_frequency_unknown",
        "Pay frequency must be one of weekly, biweekly, semimonthly, monthly, quarterly, semiannual, annual, daily.",
        "payFrequency");

    public static readonly Error FilingStatusUnknown = Error.Validation(
        "withholding.filing_status_unknown",
        "Filing status must be one of single, married_filing_jointly, married_filing_separately, head_of_household, qualifying_surviving_spouse.",
        "w4.filingStatus");

    public static readonly Error MaritalStatusUnknown = Error.Validation(
        "withholding.marital_status_unknown",
        "Marital status must be one of single, married, married_higher_single.",
        "w4.maritalStatus");

    public static readonly Error AllowancesOutOfRange = Error.Validation(
        "withholding.allowances_out_of_range",
        $"Allowances must be a whole number from 0 to {UsFederalRegime.MaxAllowances}.",
        "w4.allowances");

    public static Error TaxYearUnavailable(int taxYear, IEnumerable<int> available) => Error.Validation(
        "withholding.tax_year_unavailable",
        $"There are no us-federal withholding tables for tax year {taxYear.ToString(CultureInfo.InvariantCulture)}; available years: {string.Join(", ", available)}.",
        "taxYear");

    public static Error AmountNegative(string field) =>
        Error.Validation("withholding.amount_negative", "Must not be negative.", field);

    public static Error AmountTooLarge(string field) => Error.Validation(
        "withholding.amount_too_large",
        $"Must not exceed {UsFederalRegime.MaxAmount.ToString("N2", CultureInfo.InvariantCulture)}.",
        field);

    public static Error DeductionsExceedWages(decimal deductions, decimal wages) => Error.Validation(
        "withholding.deductions_exceed_wages",
        $"Pre-tax deductions ({deductions.ToString("0.00", CultureInfo.InvariantCulture)}) cannot exceed gross plus supplemental wages ({wages.ToString("0.00", CultureInfo.InvariantCulture)}).",
        "preTaxDeductions");
}
