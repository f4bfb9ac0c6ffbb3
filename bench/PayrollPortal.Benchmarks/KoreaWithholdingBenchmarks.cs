using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Benchmarks;

/// <summary>
/// One kr employee-month (the six deductions, exact whole-won arithmetic, a binary search in the 647-row table) against
/// serialising the preview response, with the us-federal engine's figures in <see cref="WithholdingBenchmarks"/> for scale.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class KoreaWithholdingBenchmarks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private KoreaRegime _regime = null!;
    private KoreaWithholdingInput _table = null!;
    private KoreaWithholdingInput _over10M = null!;
    private KoreaWithholdingResultDto _dto = null!;

    [GlobalSetup]
    public void Setup()
    {
        _regime = KoreaRegime.FromEmbeddedTables();

        // A busy table case: allowances over their limits, four dependents with two children, the 120% option.
        _table = new KoreaWithholdingInput(
            2026, 10, new DateOnly(2026, 10, 25), 5_050_000, new KoreaNonTaxableAllowances(250_000, 200_000, 100_000), 4, 2, 120);
        _over10M = _table with { MonthlyPay = 32_345_678, Dependents = 13, ChildrenAged8To20 = 3 };
        _dto = KoreaWithholdingResultDto.From(_regime.Calculate(_table).Value!);
    }

    [Benchmark(Baseline = true, Description = "kr Calculate (table)")]
    public KoreaWithholding? Calculate() => _regime.Calculate(_table).Value;

    [Benchmark(Description = "kr Calculate (over 10M, 13 dependents)")]
    public KoreaWithholding? CalculateOver10M() => _regime.Calculate(_over10M).Value;

    [Benchmark(Description = "kr Serialise preview DTO to JSON")]
    public byte[] Serialise() => JsonSerializer.SerializeToUtf8Bytes(_dto, Json);
}
