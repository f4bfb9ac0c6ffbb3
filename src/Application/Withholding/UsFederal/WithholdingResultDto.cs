using System.Text.Json.Serialization;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// The preview response. Amounts carry exactly two decimal places; <see cref="Trace"/> holds Worksheet 1A's lines
/// ("1a" ... "4b") at full precision, then the supplemental lines. <see cref="StateIncomeTax"/> and <see cref="State"/> are
/// written only when the request had a <c>state</c>, so a federal-only answer keeps its shape.
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
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? StateIncomeTax { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StateResultDto? State { get; init; }

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
