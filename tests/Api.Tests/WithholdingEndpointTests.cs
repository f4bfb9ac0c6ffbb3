using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>
/// The HTTP contract of POST /api/withholding/calculate. It touches no database, so one provider is enough to host it.
/// </summary>
public sealed class WithholdingEndpointTests
{
    private const string Route = "/api/withholding/calculate";

    private const string IssueExample = """
        {"taxYear": 2026, "payFrequency": "weekly", "grossWages": 2000.00, "supplementalWages": 0,
         "preTaxDeductions": {"retirement": 0, "cafeteria": 0, "hsa": 0},
         "w4": {"version": "2020", "filingStatus": "single", "step2Checkbox": false,
                "step3Dependents": 0, "step4aOtherIncome": 0, "step4bDeductions": 0, "step4cExtraWithholding": 0},
         "ytd": {"socialSecurityWages": 0, "medicareWages": 0}}
        """;

    private static readonly Lazy<Dictionary<string, JsonElement>> Examples = new(LoadExamples);

    [Fact]
    public async Task Post_WhenIssueExample_ShouldReturn200WithMoneyToTwoDecimals()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json(IssueExample));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("\"federalIncomeTax\":270.19");
        text.ShouldContain("\"additionalMedicare\":0.00");
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("socialSecurity").GetDecimal().ShouldBe(124.00m);
        body.GetProperty("medicare").GetDecimal().ShouldBe(29.00m);
        body.GetProperty("employer").GetProperty("socialSecurity").GetDecimal().ShouldBe(124.00m);
        body.GetProperty("employer").GetProperty("medicare").GetDecimal().ShouldBe(29.00m);
        body.GetProperty("taxableWages").GetProperty("federalIncomeTax").GetDecimal().ShouldBe(2_000.00m);
        body.GetProperty("trace").GetProperty("1c").GetDecimal().ShouldBe(104_000m);
        body.GetProperty("trace").GetProperty("2h").GetDecimal().ShouldBe(270.192307692307692307692308m, 0.0000001m);
    }

    [Theory]
    [InlineData("ex-125")]
    [InlineData("ex-146")]
    [InlineData("ex-149")]
    [InlineData("ex-152")]
    [InlineData("ex-157")]
    [InlineData("ex-161")]
    [InlineData("ex-169")]
    [InlineData("ex-170")]
    [InlineData("ex-178")]
    [InlineData("ex-140")]
    [InlineData("ex-132")]
    public async Task Post_WhenPercentageMethodExample_ShouldReproduceItToTheCent(string id)
    {
        var example = Examples.Value[id];
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json(ToRequest(example).ToJsonString()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expected = example.GetProperty("expected");
        body.GetProperty("federalIncomeTax").GetDecimal().ShouldBe(Money(expected, "federalIncomeTaxWithheld"), id);
        body.GetProperty("socialSecurity").GetDecimal().ShouldBe(Money(expected.GetProperty("fica"), "socialSecurity"), id);
        body.GetProperty("medicare").GetDecimal().ShouldBe(Money(expected.GetProperty("fica"), "medicare"), id);
    }

    [Theory]
    [InlineData("ex-290", 37.20, 0)]
    [InlineData("ex-289", 0.00, 0)]
    [InlineData("ex-294", 0.00, 90.00)]
    public async Task Post_WhenYearToDateWagesGiven_ShouldApplyTheWageBaseAndAdditionalMedicare(string id, double socialSecurity, double additionalMedicare)
    {
        var example = Examples.Value[id];
        var inputs = example.GetProperty("inputs");
        var ytd = inputs.GetProperty("ytd").EnumerateObject().Single().Value.GetString();
        var request = $$$"""
            {"taxYear": {{{example.GetProperty("taxYear").GetInt32()}}}, "payFrequency": "biweekly", "grossWages": {{{inputs.GetProperty("wagesThisPeriod").GetString()}}},
             "w4": {"version": "2020", "filingStatus": "single"},
             "ytd": {"socialSecurityWages": {{{ytd}}}, "medicareWages": {{{ytd}}}}}
            """;
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json(request));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("socialSecurity").GetDecimal().ShouldBe((decimal)socialSecurity);
        body.GetProperty("additionalMedicare").GetDecimal().ShouldBe((decimal)additionalMedicare);
        body.GetProperty("employer").GetProperty("medicare").GetDecimal().ShouldBe(body.GetProperty("medicare").GetDecimal());
    }

    [Fact]
    public async Task Post_When2019FormAndExempt_ShouldWithholdNoIncomeTaxButFica()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var request = """
            {"taxYear": 2025, "payFrequency": "monthly", "grossWages": 1000.00,
             "w4": {"version": "2019", "maritalStatus": "single", "allowances": 1, "extraWithholding": 0, "exempt": true}}
            """;

        var response = await app.CreateClient().PostAsync(Route, Json(request));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("federalIncomeTax").GetDecimal().ShouldBe(0.00m);
        body.GetProperty("socialSecurity").GetDecimal().ShouldBe(62.00m);
        body.GetProperty("medicare").GetDecimal().ShouldBe(14.50m);
    }

    [Theory]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": -1, "w4": {"version": "2020", "filingStatus": "single"}}""", "grossWages")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100, "w4": {"version": "2020", "filingStatus": "divorced"}}""", "w4.filingStatus")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100, "w4": {"version": "2019", "maritalStatus": "single", "allowances": 100}}""", "w4.allowances")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100, "w4": {"version": "2019", "maritalStatus": "widowed"}}""", "w4.maritalStatus")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "fortnightly", "grossWages": 100, "w4": {"version": "2020", "filingStatus": "single"}}""", "payFrequency")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100, "w4": {"version": "2018.5", "filingStatus": "single"}}""", "w4.version")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100}""", "w4")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "w4": {"version": "2020", "filingStatus": "single"}}""", "grossWages")]
    [InlineData("""{"payFrequency": "weekly", "grossWages": 100, "w4": {"version": "2020", "filingStatus": "single"}}""", "taxYear")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100, "preTaxDeductions": {"hsa": -5}, "w4": {"version": "2020", "filingStatus": "single"}}""", "preTaxDeductions.hsa")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100, "preTaxDeductions": {"retirement": 150}, "w4": {"version": "2020", "filingStatus": "single"}}""", "preTaxDeductions")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100, "ytd": {"socialSecurityWages": -0.01}, "w4": {"version": "2020", "filingStatus": "single"}}""", "ytd.socialSecurityWages")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 100, "w4": {"version": "2020", "filingStatus": "single", "step4cExtraWithholding": -3}}""", "w4.step4cExtraWithholding")]
    [InlineData("""{"taxYear": 2026, "payFrequency": "weekly", "grossWages": 79228162514264337593543950335, "w4": {"version": "2020", "filingStatus": "single"}}""", "grossWages")]
    public async Task Post_WhenInputInvalid_ShouldReturn400ProblemNamingTheField(string request, string field)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json(request));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Post_WhenTaxYearHasNoTables_ShouldReturn400ListingTheAvailableYears()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json(IssueExample.Replace("2026", "2019", StringComparison.Ordinal)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("taxYear").ShouldHaveSingleItem().ShouldContain("2024, 2025, 2026");
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("not json", "body")]
    [InlineData("{\"taxYear\": 2026, ", "body")]
    [InlineData("null", "body")]
    [InlineData("{\"taxYear\": true, \"payFrequency\": \"weekly\", \"grossWages\": 100}", "taxYear")]
    [InlineData("{\"taxYear\": 2026, \"payFrequency\": \"weekly\", \"grossWages\": \"lots\"}", "grossWages")]
    [InlineData("{\"taxYear\": 2026, \"payFrequency\": 7, \"grossWages\": 100}", "payFrequency")]
    [InlineData("{\"taxYear\": 2026.5, \"payFrequency\": \"weekly\", \"grossWages\": 100}", "taxYear")]
    [InlineData("{\"taxYear\": 2026, \"payFrequency\": \"weekly\", \"grossWages\": 100, \"w4\": {\"version\": \"2019\", \"maritalStatus\": \"single\", \"allowances\": 1.5}}", "w4.allowances")]
    [InlineData("{\"taxYear\": 2026, \"payFrequency\": \"weekly\", \"grossWages\": 100, \"w4\": {\"version\": \"2020\", \"filingStatus\": \"single\", \"step2Checkbox\": \"yes\"}}", "w4.step2Checkbox")]
    [InlineData("{\"taxYear\": 2026, \"payFrequency\": \"weekly\", \"grossWages\": 100, \"w4\": [1, 2]}", "w4")]
    [InlineData("{\"taxYear\": 2026, \"payFrequency\": \"weekly\", \"grossWages\": 1e40, \"w4\": {\"version\": \"2020\", \"filingStatus\": \"single\"}}", "grossWages")]
    public async Task Post_WhenBodyMalformedOrWrongType_ShouldReturn400NeverA500(string body, string field)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync(Route, Json(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors(field).ShouldNotBeEmpty();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static decimal Money(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    /// <summary>An example as a preview request. Gross minus income-tax wages, if any, is a retirement deferral.</summary>
    private static JsonObject ToRequest(JsonElement example)
    {
        var inputs = example.GetProperty("inputs");
        var form = inputs.GetProperty("formW4");
        var gross = Money(inputs, "grossWagesPerPeriod");
        JsonObject w4 = form.GetProperty("version").GetString() == "2020orLater"
            ? new JsonObject
            {
                ["version"] = "2020",
                ["filingStatus"] = form.GetProperty("filingStatusTable").GetString() switch
                {
                    "marriedFilingJointly" => "married_filing_jointly",
                    "headOfHousehold" => "head_of_household",
                    _ => "single",
                },
                ["step2Checkbox"] = form.GetProperty("step2Checkbox").GetBoolean(),
                ["step3Dependents"] = Money(form, "step3Dependents"),
                ["step4aOtherIncome"] = Money(form, "step4aOtherIncome"),
                ["step4bDeductions"] = Money(form, "step4bDeductions"),
                ["step4cExtraWithholding"] = Money(form, "step4cExtraWithholding"),
            }
            : new JsonObject
            {
                ["version"] = "2019",
                ["maritalStatus"] = form.GetProperty("maritalStatus").GetString()!.ToLowerInvariant(),
                ["allowances"] = form.GetProperty("allowances").GetInt32(),
                ["extraWithholding"] = Money(form, "additionalWithholding"),
            };

        return new JsonObject
        {
            ["taxYear"] = example.GetProperty("taxYear").GetInt32(),
            ["payFrequency"] = inputs.GetProperty("payFrequency").GetString(),
            ["grossWages"] = gross,
            ["supplementalWages"] = 0m,
            ["preTaxDeductions"] = new JsonObject { ["retirement"] = gross - Money(inputs, "federalTaxableWagesPerPeriod"), ["cafeteria"] = 0m, ["hsa"] = 0m },
            ["w4"] = w4,
            ["ytd"] = new JsonObject { ["socialSecurityWages"] = 0m, ["medicareWages"] = 0m },
        };
    }

    private static Dictionary<string, JsonElement> LoadExamples()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Withholding", "examples-public.json")));
        return document.RootElement.GetProperty("examples").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone());
    }
}
