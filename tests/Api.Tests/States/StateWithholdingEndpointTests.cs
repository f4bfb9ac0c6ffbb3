using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.States;

/// <summary>One running app for the whole class: the calculation touches no database, and 138 start-ups would be most of the run.</summary>
public sealed class StateCalculationApp : IAsyncLifetime
{
    public PayrollApp App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        Client = App.CreateClient();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The state part of POST /api/withholding/calculate: every public example to the cent, and the 400s with their allowed values.</summary>
public sealed class StateWithholdingEndpointTests(StateCalculationApp fixture) : IClassFixture<StateCalculationApp>
{
    private const string Route = "/api/withholding/calculate";

    private static readonly Lazy<Dictionary<string, JsonElement>> Examples = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Withholding", "us-states-examples-public.json")));
        return document.RootElement.GetProperty("examples").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone());
    });

    public static TheoryData<string> ExampleIds => new(Examples.Value.Keys);

    [Fact]
    public void Examples_ShouldBeTheWholePublicFile() => Examples.Value.Count.ShouldBe(138);

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public async Task Post_WhenPublicExample_ShouldReturnTheStateIncomeTaxToTheCent(string id)
    {
        var example = Examples.Value[id];

        var response = await fixture.Client.PostAsync(Route, Json(example.GetProperty("request").GetRawText()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expected = decimal.Parse(example.GetProperty("expected").GetProperty("stateIncomeTax").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        body.GetProperty("stateIncomeTax").GetDecimal().ShouldBe(expected, id);
        var state = body.GetProperty("state");
        state.GetProperty("incomeTax").GetDecimal().ShouldBe(expected, id);
        state.GetProperty("jurisdiction").GetString().ShouldBe(example.GetProperty("jurisdiction").GetString());
    }

    [Fact]
    public async Task Post_WhenStateIsAbsent_ShouldKeepTheFederalShape()
    {
        var request = Request("us-co-2025-1");
        request.Remove("state");

        var text = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).Content.ReadAsStringAsync();

        text.ShouldNotContain("state", Case.Insensitive);
    }

    [Fact]
    public async Task Post_WhenTheStateIsTexas_ShouldWithholdNothingAndSaySo()
    {
        var request = Request("us-co-2025-1");
        request["state"] = new JsonObject { ["jurisdiction"] = "US-TX", ["additionalWithholding"] = 25 };

        var body = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("stateIncomeTax").GetDecimal().ShouldBe(0.00m);
        body.GetProperty("state").GetProperty("trace").GetProperty("notes")[0].GetString()!.ShouldContain("taxes no wages");
    }

    [Fact]
    public async Task Post_WhenAlabamaHasNoFederalOverride_ShouldSubtractTheFederalTaxTheSameCalculationWithholds()
    {
        var request = Request("us-al-2026-1");
        ((JsonObject)request["state"]!).Remove("periodFederalIncomeTax");

        var body = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).Content.ReadFromJsonAsync<JsonElement>();

        var federal = body.GetProperty("federalIncomeTax").GetDecimal();
        body.GetProperty("state").GetProperty("trace").GetProperty("lines").GetProperty("annual federal income tax").GetDecimal().ShouldBe(federal * 52);
    }

    [Fact]
    public async Task Post_WhenLouisianaGetsAllowances_ShouldAcceptThemAndNoteThemAsUnused()
    {
        var body = await (await fixture.Client.PostAsync(Route, Json(Request("us-la-2026-1").ToJsonString()))).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("state").GetProperty("trace").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain("allowances is not used by this jurisdiction's method.");
    }

    [Fact]
    public async Task Post_WhenAFieldNameIsUnknown_ShouldReturn400NamingItAndListingTheFields()
    {
        var request = Request("us-ca-2026-2");
        request["state"]!["allowance"] = 2;

        var problem = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var message = problem.FieldErrors("state.allowance").Single();
        message.ShouldContain("\"allowances\"");
        message.ShouldContain("\"secondaryAllowances\"");
        problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldContain("state.field_unknown");
    }

    [Fact]
    public async Task Post_WhenTheFilingStatusIsNotTheStates_ShouldReturn400ListingTheAllowedValues()
    {
        var request = Request("us-ca-2026-2");
        request["state"]!["filingStatus"] = "married_joint";

        var problem = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors("state.filingStatus").Single().ShouldContain("\"single\", \"married\", \"head_of_household\"");
    }

    [Fact]
    public async Task Post_WhenMarylandHasNoRateSchedule_ShouldReturn400ListingTheSchedules()
    {
        var request = Request("us-md-2026-1");
        ((JsonObject)request["state"]!).Remove("rateSchedule");

        var problem = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var message = problem.FieldErrors("state.rateSchedule").Single();
        message.ShouldContain("\"0.0225\"");
        message.ShouldContain("\"0.0330\"");
        message.ShouldContain("\"md_resident_in_de\"");
    }

    [Fact]
    public async Task Post_WhenArizonaElectsARateOffTheForm_ShouldReturn400ListingTheRates()
    {
        var request = Request("us-az-2026-1");
        request["state"]!["electedRate"] = "0.027";

        var problem = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors("state.electedRate").Single().ShouldContain("\"0.025\", \"0.030\"");
    }

    [Fact]
    public async Task Post_WhenUtahIsPaidBeforeJune_ShouldReturn400EditionUnavailableOnThePayDate()
    {
        var request = Request("us-ut-2026-1");
        request["payDate"] = "2026-05-29";

        var problem = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors("payDate").Single().ShouldContain("2026-06-01 to open");
        problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldContain("state.edition_unavailable");
    }

    [Theory]
    [InlineData("2026-05-10", 15.79)]
    [InlineData("2026-05-11", 0.62)]
    public async Task Post_WhenGeorgiaPaysEitherSideOfItsMidYearChange_ShouldUseTheEditionInForce(string payDate, double expected)
    {
        var request = Request("us-ga-2026-3");
        request["payDate"] = payDate;

        var body = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("stateIncomeTax").GetDecimal().ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData(null, "withholding.pay_date_required")]
    [InlineData("2025-12-31", "withholding.pay_date_outside_tax_year")]
    public async Task Post_WhenThePayDateIsMissingOrOutsideTheTaxYear_ShouldReturn400OnPayDate(string? payDate, string code)
    {
        var request = Request("us-ca-2026-2");
        request["payDate"] = payDate;

        var problem = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors("payDate").ShouldNotBeEmpty();
        problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldContain(code);
    }

    [Fact]
    public async Task Post_WhenAdditionalWithholdingHasThreeDecimals_ShouldReturn400_AndAStringAmountShouldWork()
    {
        var request = Request("us-co-2025-2");
        request["state"]!["additionalWithholding"] = 20.001m;
        var problem = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("state.additionalWithholding").ShouldNotBeEmpty();

        request["state"]!["additionalWithholding"] = "20.00";
        var body = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("stateIncomeTax").GetDecimal().ShouldBe(247.33m);
    }

    [Fact]
    public async Task Post_WhenTheJurisdictionIsUnknown_ShouldReturn400ListingTheJurisdictions()
    {
        var request = Request("us-co-2025-2");
        request["state"]!["jurisdiction"] = "US-PR";

        var problem = await (await fixture.Client.PostAsync(Route, Json(request.ToJsonString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors("state.jurisdiction").Single().ShouldContain("\"US-WY\"");
    }

    private static JsonObject Request(string id) => JsonNode.Parse(Examples.Value[id].GetProperty("request").GetRawText())!.AsObject();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
