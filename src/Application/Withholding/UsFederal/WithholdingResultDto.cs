using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// The preview response. Amounts carry exactly two decimal places; <see cref="Trace"/> holds Worksheet 1A's lines
/// ("1a" ... "4b") at full precision, then the supplemental lines.
/// </summary>
public sealed record WithholdingResultDto(
    decimal FederalIncomeTax,
    decimal SocialSecurity,
    decimal Medicare,
    decimal AdditionalMedicare,
    EmployerTaxesDto Employer,
    TaxableWagesDto TaxableWages,
    IReadOnlyDictionary<string, decimal> Trace)
{
    public static WithholdingResultDto From(UsFederalWithholding result)
    {
        var trace = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (line, value) in result.Trace.Lines())
        {
            trace.Add(line, value);
        }

        return new WithholdingResultDto(
            result.FederalIncomeTax,
            result.SocialSecurity,
            result.Medicare,
            result.AdditionalMedicare,
            new EmployerTaxesDto(result.EmployerSocialSecurity, result.EmployerMedicare),
            new TaxableWagesDto(
                result.TaxableWages.FederalIncomeTax,
                result.TaxableWages.Supplemental,
                result.TaxableWages.SocialSecurity,
                result.TaxableWages.Medicare,
                result.TaxableWages.AdditionalMedicare),
            trace);
    }
}
