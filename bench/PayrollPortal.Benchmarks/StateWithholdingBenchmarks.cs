using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Benchmarks;

/// <summary>
/// One pay period's state income tax for three methods (California Method B, New York Method II, Pennsylvania's flat rate)
/// against serialising the result the way the API does. The target, as for the federal engine: the calculation costs less
/// than the serialisation and allocates nothing beyond its result (the result, its trace and the trace's line list).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StateWithholdingBenchmarks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private StateWithholdingEngine _engine = null!;
    private StateWithholdingInput _input = null!;
    private StateResultDto _dto = null!;

    [Params("US-CA", "US-NY", "US-PA")]
    public string Jurisdiction { get; set; } = "US-CA";

    [GlobalSetup]
    public void Setup()
    {
        _engine = StateWithholdingEngine.FromEmbeddedTables();
        var certificate = Jurisdiction switch
        {
            "US-CA" => new StateCertificate("married", Allowances: 3, SecondaryAllowances: 1, AdditionalWithholding: 10m),
            "US-NY" => new StateCertificate("single", Allowances: 2, AdditionalWithholding: 10m),
            _ => new StateCertificate(AdditionalWithholding: 10m),
        };
        _input = new StateWithholdingInput(
            Jurisdiction, new DateOnly(2026, 6, 15), PayFrequency.Biweekly, 4_615.38m, certificate, 500m, new PreTaxDeductions(250m, 80m, 40m));
        _dto = StateResultDto.From(_engine.Calculate(_input).Value!);
    }

    [Benchmark(Baseline = true, Description = "Calculate (state engine)")]
    public StateWithholding? Calculate() => _engine.Calculate(_input).Value;

    [Benchmark(Description = "Serialise state result DTO to JSON")]
    public byte[] Serialise() => JsonSerializer.SerializeToUtf8Bytes(_dto, Json);
}
