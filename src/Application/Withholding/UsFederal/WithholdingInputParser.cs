using PayrollPortal.Application.Common;
using System.Globalization;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// Maps the preview request onto the domain input. In the request's strings, case, underscores and hyphens are ignored, so
/// "married_filing_jointly", "marriedFilingJointly" and "MARRIED-FILING-JOINTLY" all name the same status.
/// </summary>
internal static class WithholdingInputParser
{
    /// <summary>The first year of the redesigned Form W-4.</summary>
    private const int RedesignYear = 2020;

    public static bool TryParsePayFrequency(string? value, out PayFrequency frequency) => EnumText.TryParse(value, out frequency);

    public static bool TryParseFilingStatus(string? value, out FilingStatus status) => EnumText.TryParse(value, out status);

    public static bool TryParseMaritalStatus(string? value, out Pre2020MaritalStatus status) => EnumText.TryParse(value, out status);

    /// <summary>"2020" or later is the redesigned form; "2019" or earlier is the old one. The words "2020orLater"/"2019orEarlier" also work.</summary>
    public static bool TryParseRevision(string? value, out FormW4Revision revision)
    {
        revision = default;
        var text = Normalise(value);
        if (text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1940 and <= 2100
            && (text.Length == 4 || text is "2020orlater" or "2019orearlier"))
        {
            revision = year >= RedesignYear ? FormW4Revision.From2020 : FormW4Revision.Before2020;
            return true;
        }

        return false;
    }

    /// <summary>The domain input, or null when a required field is missing or a string field does not parse (the validator reports which).</summary>
    public static UsFederalWithholdingInput? ToInput(CalculateWithholding request) =>
        request.TaxYear is { } taxYear
        && TryParsePayFrequency(request.PayFrequency, out var frequency)
        && request.GrossWages is { } grossWages
        && request.W4 is { } w4
        && ToFormW4(w4, request.Exempt, placeholderWhenUnknown: false) is { } form
            ? Build(request, taxYear, frequency, grossWages, form)
            : null;

    /// <summary>
    /// The same input with placeholders where a field is missing or unknown, so the validator can still check every amount
    /// in one pass; the placeholders' own fields are reported by the validator's other rules.
    /// </summary>
    public static UsFederalWithholdingInput ToInputForAmountChecks(CalculateWithholding request, int placeholderTaxYear)
    {
        var frequency = TryParsePayFrequency(request.PayFrequency, out var parsed) ? parsed : PayFrequency.Weekly;
        var form = request.W4 is { } w4 ? ToFormW4(w4, request.Exempt, placeholderWhenUnknown: true)! : new FormW4From2020(FilingStatus.Single);
        return Build(request, request.TaxYear ?? placeholderTaxYear, frequency, request.GrossWages ?? 0m, form);
    }

    private static UsFederalWithholdingInput Build(CalculateWithholding request, int taxYear, PayFrequency frequency, decimal grossWages, FormW4 form)
    {
        var deductions = request.PreTaxDeductions;
        var ytd = request.Ytd;
        return new UsFederalWithholdingInput(
            taxYear,
            frequency,
            grossWages,
            form,
            request.SupplementalWages ?? 0m,
            new PreTaxDeductions(deductions?.Retirement ?? 0m, deductions?.Cafeteria ?? 0m, deductions?.Hsa ?? 0m),
            new YearToDateWages(ytd?.SocialSecurityWages ?? 0m, ytd?.MedicareWages ?? 0m, ytd?.SupplementalWages ?? 0m));
    }

    /// <summary>The domain form, or null when the version or status is unknown (the validators report which).</summary>
    public static FormW4? ToFormW4(WithholdingW4 w4, bool? exemptAtTopLevel) => ToFormW4(w4, exemptAtTopLevel, placeholderWhenUnknown: false);

    private static FormW4? ToFormW4(WithholdingW4 w4, bool? exemptAtTopLevel, bool placeholderWhenUnknown)
    {
        if (!TryParseRevision(w4.Version, out var revision))
        {
            if (!placeholderWhenUnknown)
            {
                return null;
            }

            revision = w4.MaritalStatus is not null && w4.FilingStatus is null ? FormW4Revision.Before2020 : FormW4Revision.From2020;
        }

        var exempt = (w4.Exempt ?? false) || (exemptAtTopLevel ?? false);
        if (revision == FormW4Revision.From2020)
        {
            var known = TryParseFilingStatus(w4.FilingStatus, out var status);
            return known || placeholderWhenUnknown
                ? new FormW4From2020(
                    status,
                    w4.Step2Checkbox ?? false,
                    w4.Step3Dependents ?? 0m,
                    w4.Step4aOtherIncome ?? 0m,
                    w4.Step4bDeductions ?? 0m,
                    w4.Step4cExtraWithholding ?? 0m,
                    exempt)
                : null;
        }

        var knownMarital = TryParseMaritalStatus(w4.MaritalStatus, out var marital);
        return knownMarital || placeholderWhenUnknown
            ? new FormW4Before2020(marital, w4.Allowances ?? 0, w4.ExtraWithholding ?? 0m, exempt)
            : null;
    }

    private static string Normalise(string? value) =>
        value is null ? string.Empty : value.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant();
}
