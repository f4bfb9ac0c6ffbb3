using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>The kr preview response: every amount in whole KRW, serialised as JSON integers.</summary>
public sealed record KoreaWithholdingResultDto(
    string Regime,
    string Currency,
    long NationalPension,
    long HealthInsurance,
    long LongTermCare,
    long EmploymentInsurance,
    long IncomeTax,
    long LocalIncomeTax,
    long TotalDeductions,
    long TaxablePay,
    long NonTaxablePay,
    KoreaTrace Trace)
{
    public static KoreaWithholdingResultDto From(KoreaWithholding r) => new(
        KoreaRegime.RegimeCode,
        "KRW",
        r.NationalPension,
        r.HealthInsurance,
        r.LongTermCare,
        r.EmploymentInsurance,
        r.IncomeTax,
        r.LocalIncomeTax,
        r.Total,
        r.TaxablePay,
        r.NonTaxablePay,
        r.Trace);
}
