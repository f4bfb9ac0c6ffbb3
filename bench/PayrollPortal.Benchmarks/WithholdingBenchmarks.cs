using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Benchmarks;

/// <summary>
/// One employee's withholding against serialising its result the way the API does (System.Text.Json, camelCase).
/// The target: calculating costs less than serialising, and allocates nothing beyond the result object.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class WithholdingBenchmarks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private UsFederalRegime _regime = null!;
    private UsFederalWithholdingInput _employee = null!;
    private UsFederalWithholding _result = null!;
    private WithholdingResultDto _dto = null!;

    [GlobalSetup]
    public void Setup()
    {
        _regime = UsFederalRegime.FromEmbeddedTables();

        // A realistic, busy case: every W-4 step, all three deduction kinds, a bonus and year-to-date wages.
        _employee = new UsFederalWithholdingInput(
            2026,
            PayFrequency.Biweekly,
            4_615.38m,
            new FormW4From2020(FilingStatus.MarriedFilingJointly, Step2Checkbox: true, Step3Dependents: 2_000m, Step4aOtherIncome: 5_000m, Step4bDeductions: 1_000m, Step4cExtraWithholding: 25m),
            SupplementalWages: 1_500m,
            PreTaxDeductions: new PreTaxDeductions(Retirement: 250m, Cafeteria: 80m, Hsa: 40m),
            YearToDate: new YearToDateWages(SocialSecurityWages: 92_307.60m, MedicareWages: 92_307.60m, SupplementalWages: 3_000m));
        _result = _regime.Calculate(_employee).Value!;
        _dto = WithholdingResultDto.From(_result);
    }

    [Benchmark(Baseline = true, Description = "Calculate (engine)")]
    public UsFederalWithholding? Calculate() => _regime.Calculate(_employee).Value;

    [Benchmark(Description = "Calculate + map to DTO")]
    public WithholdingResultDto CalculateAndMap() => WithholdingResultDto.From(_regime.Calculate(_employee).Value!);

    [Benchmark(Description = "Serialise result DTO to JSON")]
    public byte[] Serialise() => JsonSerializer.SerializeToUtf8Bytes(_dto, Json);

    [Benchmark(Description = "Serialise domain result to JSON")]
    public byte[] SerialiseDomainResult() => JsonSerializer.SerializeToUtf8Bytes(_result, Json);
}
