using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>POST /api/withholding/calculate with <c>"regime": "kr"</c>. It touches no database, so one provider hosts it.</summary>
public sealed class KoreaWithholdingEndpointTests
{
    private const string Route = "/api/withholding/calculate";

    private const string IssueExample = """
        {"regime": "kr", "payMonth": "2026-10", "monthlyPay": 4000000,
         "nonTaxable": {"meals": 200000, "carAllowance": 0, "childcare": 0},
         "dependents": 1, "childrenAged8To20": 0, "withholdingRatio": 100}
        """;

    [Fact]
    public async Task Post_WhenIssueExample_ShouldReturnTheSixDeductionsAsWholeWonIntegers()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json(IssueExample));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("\"nationalPension\":190000,");
        text.ShouldContain("\"healthInsurance\":143800,");
        text.ShouldContain("\"longTermCare\":18890,");
        text.ShouldContain("\"employmentInsurance\":36000,");
        text.ShouldContain("\"incomeTax\":195960,");
        text.ShouldContain("\"localIncomeTax\":19590,");
        text.ShouldContain("\"taxablePay\":4000000,");
        text.ShouldContain("\"nonTaxablePay\":200000,");
        text.ShouldContain("\"currency\":\"KRW\"");
        var trace = JsonDocument.Parse(text).RootElement.GetProperty("trace");
        trace.GetProperty("longTermCareRatio").GetString().ShouldBe("9448/71900");
        trace.GetProperty("taxMethod").GetString().ShouldBe("table");
    }

    [Fact]
    public async Task Post_ForEveryPublicExample_ShouldReproduceEachAmountToTheWon()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Withholding", "kr-examples-public.json")));
        var mismatches = new List<string>();
        var checkedAmounts = 0;

        foreach (var (example, index) in document.RootElement.GetProperty("examples").EnumerateArray().Select((e, i) => (e, i)))
        {
            var inputs = example.GetProperty("inputs");
            var expected = example.GetProperty("expected");
            var year = example.GetProperty("year").GetInt32();
            var request = new JsonObject { ["regime"] = "kr" };
            if (inputs.TryGetProperty("incomeTax", out var incomeTax))
            {
                // The local-tax example starts from an income tax: 3,000,000 KRW with one dependent is withheld 74,350.
                Krw(incomeTax).ShouldBe(74_350);
                request["monthlyPay"] = 3_000_000;
                request["dependents"] = 1;
            }
            else
            {
                request["monthlyPay"] = Krw(inputs.TryGetProperty("monthlyTaxablePay", out var p) ? p : inputs.GetProperty("nationalPensionStandardIncome"));
                request["dependents"] = inputs.TryGetProperty("dependents", out var n) ? n.GetInt32() : 1;
                request["childrenAged8To20"] = inputs.TryGetProperty("children8to20", out var c) ? c.GetInt32() : 0;
                request["withholdingRatio"] = inputs.TryGetProperty("ratio", out var r) ? (int)(decimal.Parse(r.GetString()!, CultureInfo.InvariantCulture) * 100) : 100;
            }

            request["payMonth"] = inputs.TryGetProperty("payMonth", out var month) ? month.GetString() : $"{year}-10";
            if (example.TryGetProperty("payDate", out var payDate))
            {
                request["payDate"] = payDate.GetString();
                request["payMonth"] = payDate.GetString()![..7];
            }

            var response = await client.PostAsync(Route, Json(request.ToJsonString()));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"example {index}");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            foreach (var amount in expected.EnumerateObject())
            {
                var actual = amount.Name == "nationalPensionTotalBothShares"
                    ? 2 * body.GetProperty("nationalPension").GetInt64()
                    : body.GetProperty(amount.Name).GetInt64();
                checkedAmounts++;
                if (actual != Krw(amount.Value))
                {
                    mismatches.Add($"example {index} {amount.Name}: expected {amount.Value.GetString()}, got {actual}");
                }
            }
        }

        mismatches.ShouldBeEmpty();
        checkedAmounts.ShouldBe(93);
    }

    [Fact]
    public async Task Post_WhenRegimeIsUnknown_ShouldReturn400NamingRegime()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json("""{"regime": "jp", "payMonth": "2026-10", "monthlyPay": 1}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("regime").Single().ShouldContain("\"kr\"");
    }

    [Fact]
    public async Task Post_WhenKrFieldsAreInvalid_ShouldListEveryFieldInOneProblem()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json("""
            {"regime": "kr", "payMonth": "2026-13", "monthlyPay": 4000000.5, "nonTaxable": {"meals": -1},
             "dependents": 0, "withholdingRatio": 90}
            """));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("payMonth").ShouldNotBeEmpty();
        problem.FieldErrors("monthlyPay").Single().ShouldContain("whole number of KRW");
        problem.FieldErrors("nonTaxable.meals").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Post_WhenDependentsAndRatioAreOutOfRange_ShouldNameThoseFields()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json("""
            {"regime": "kr", "payMonth": "2023-10", "monthlyPay": 4000000, "dependents": 2, "childrenAged8To20": 2, "withholdingRatio": 90}
            """));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("payMonth").Single().ShouldContain("2024, 2025, 2026");
        problem.FieldErrors("childrenAged8To20").ShouldNotBeEmpty();
        problem.FieldErrors("withholdingRatio").ShouldNotBeEmpty();
    }

    private static long Krw(JsonElement value) => long.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
