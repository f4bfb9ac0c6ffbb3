using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>PATCH /api/companies/{id} with the settings page's fields (issue 26): address and registration number.</summary>
public sealed class CompanySettingsEndpointTests
{
    private const string Address = """{"line1":"100 Main Street","line2":null,"city":"Springfield","region":"IL","postalCode":"62701","country":"us"}""";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_WhenAddressAndNumberValid_ShouldAnswerAndServeThem(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var companyAdmin = await app.CreateClientAsync("company_admin", company.Id);

        var response = await companyAdmin.PatchAsync($"/api/companies/{company.Id}",
            Json($$"""{"registrationNumber":"123-45-67891","address":{{Address}}}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var stored = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}");
        stored.GetProperty("registrationNumber").GetString().ShouldBe("123-45-67891");
        var address = stored.GetProperty("address");
        (address.GetProperty("line1").GetString(), address.GetProperty("city").GetString(), address.GetProperty("country").GetString())
            .ShouldBe(("100 Main Street", "Springfield", "US"));
        address.GetProperty("line2").ValueKind.ShouldBe(JsonValueKind.Null);
        (stored.GetProperty("regime").GetString(), stored.GetProperty("currency").GetString()).ShouldBe(("us-federal", "USD"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_WhenInvalid_ShouldAnswer400NamingEachFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var client = app.CreateClient();

        var response = await client.PatchAsync($"/api/companies/{company.Id}",
            Json("""{"name":"Renamed","registrationNumber":"123-45-67890","address":{"line1":"1 Road","city":"","country":"USA"}}"""));
        var wrongType = await client.PatchAsync($"/api/companies/{company.Id}", Json("""{"address":"100 Main Street"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("registrationNumber").ShouldNotBeEmpty();
        problem.FieldErrors("address.city").ShouldNotBeEmpty();
        problem.FieldErrors("address.country").ShouldNotBeEmpty();
        (await wrongType.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("address").ShouldNotBeEmpty();
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}");
        stored.GetProperty("name").GetString().ShouldBe(company.Name);
        stored.GetProperty("address").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_ByAViewerOrAnotherCompany_ShouldBeRefusedAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var viewer = await app.CreateClientAsync("viewer", company.Id);
        var outsider = await app.CreateClientAsync("company_admin", other.Id);
        var body = $$"""{"address":{{Address}}}""";

        var byViewer = await viewer.PatchAsync($"/api/companies/{company.Id}", Json(body));
        var byOutsider = await outsider.PatchAsync($"/api/companies/{company.Id}", Json(body));

        await byViewer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await byOutsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var stored = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}");
        stored.GetProperty("address").ValueKind.ShouldBe(JsonValueKind.Null);
        var audit = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/audit?companyId={company.Id}&action=company.updated");
        audit.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
