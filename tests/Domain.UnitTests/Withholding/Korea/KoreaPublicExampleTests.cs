using System.Text.Json;
using PayrollPortal.Domain.Withholding.Korea;
using Shouldly;

namespace PayrollPortal.Domain.UnitTests.Withholding.Korea;

/// <summary>Every example in the reference folder's examples-public.json, to the won.</summary>
public sealed class KoreaPublicExampleTests
{
    public static TheoryData<int> Examples()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < KoreaExamples.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void Examples_WhenLoaded_ShouldBeAllEightyThree() => KoreaExamples.Count.ShouldBe(83);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Calculate_ForEachPublicExample_ShouldMatchEveryExpectedAmount(int index)
    {
        var example = KoreaExamples.Get(index);
        var expected = example.GetProperty("expected");
        var category = example.GetProperty("category").GetString();

        if (category == "local-tax")
        {
            var incomeTax = KoreaExamples.Krw(example.GetProperty("inputs"), "incomeTax");
            var rate = Regimes.Korea.TableFor(example.GetProperty("year").GetInt32())!.LocalIncomeTaxRate;
            rate.ApplyFloor10(incomeTax).ShouldBe(KoreaExamples.Krw(expected, "localIncomeTax"));
            return;
        }

        var result = Regimes.Korea.Calculate(KoreaExamples.Input(example));
        result.IsSuccess.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        var r = result.Value!;
        foreach (var property in expected.EnumerateObject())
        {
            var want = long.Parse(property.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Actual(r, property).ShouldBe(want, $"example {index} ({example.GetProperty("source").GetString()}): {property.Name}");
        }
    }

    private static long Actual(KoreaWithholding r, JsonProperty property) => property.Name switch
    {
        "nationalPension" => r.NationalPension,
        "nationalPensionTotalBothShares" => 2 * r.NationalPension,
        "healthInsurance" => r.HealthInsurance,
        "longTermCare" => r.LongTermCare,
        "employmentInsurance" => r.EmploymentInsurance,
        "incomeTax" => r.IncomeTax,
        "localIncomeTax" => r.LocalIncomeTax,
        var other => throw new InvalidOperationException($"Unknown expected amount {other}."),
    };
}
