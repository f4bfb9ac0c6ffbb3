using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>Employees of a kr company: the 주민등록번호 protected like the SSN, and the kr withholding profile.</summary>
public sealed class KoreaEmployeeTests
{
    private const string Rrn = "900101-1234567";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenValid_ShouldStoreTheRrnEncryptedAndShowOnlyItsMask(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(client);

        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaSamples.KoreaEmployee());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("ssnMasked").GetString().ShouldBe("******-***4567");
        body.GetProperty("ssnLast4").GetString().ShouldBe("4567");
        body.GetProperty("regime").GetString().ShouldBe("kr");
        body.GetProperty("payFrequency").GetString().ShouldBe("monthly");
        body.TryGetProperty("w4", out _).ShouldBeFalse("a kr employee has no us-federal members (ADR 0014)");
        var kr = body.GetProperty("kr");
        kr.GetProperty("dependents").GetInt32().ShouldBe(2);
        kr.GetProperty("childrenAged8To20").GetInt32().ShouldBe(1);
        kr.GetProperty("nonTaxable").GetProperty("meals").GetDecimal().ShouldBe(200_000m);
        kr.GetProperty("effectiveDate").GetString().ShouldBe("2026-01-02");

        var fetched = await client.GetStringAsync(response.Headers.Location);
        var listed = await client.GetStringAsync($"/api/companies/{companyId}/employees");
        JsonDocument.Parse(listed).RootElement.GetProperty("items")[0].GetProperty("kr").GetProperty("withholdingRatio").GetInt32().ShouldBe(100);
        foreach (var seen in new[] { text, fetched, listed, app.Logs.All })
        {
            seen.ShouldNotContain("1234567");
            seen.ShouldNotContain("9001011");
        }

        await using var connection = await app.Database.OpenAsync();
        var stored = await connection.QuerySingleAsync<(string Ciphertext, string BlindIndex, string Last4)>(
            "SELECT ssn_ciphertext, ssn_blind_index, ssn_last4 FROM employees");
        stored.Ciphertext.ShouldNotContain("1234567");
        stored.BlindIndex.ShouldNotContain("1234567");
        stored.Last4.ShouldBe("4567");
        var audit = string.Join('\n', await connection.QueryAsync<string>("SELECT details FROM audit_events"));
        audit.ShouldNotContain("4567");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenRrnRepeatsInTheCompany_ShouldReturn409(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(client);
        (await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaSamples.KoreaEmployee())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaSamples.KoreaEmployee("9001011234567"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.FieldErrors("residentRegistrationNumber").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("900230-1234567", "residentRegistrationNumber")]
    [InlineData("9001011234", "residentRegistrationNumber")]
    [InlineData("000229-3234567", null)]
    [InlineData("010229-3234567", "residentRegistrationNumber")]
    public async Task Post_WhenRrnDateDoesNotExist_ShouldReturn400(string rrn, string? field)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(client);

        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaSamples.KoreaEmployee(rrn));

        if (field is null)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return;
        }

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Post_WhenProfileIsOutOfRange_ShouldNameEachKrField()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(client);

        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaSamples.KoreaEmployee(dependents: 1, children: 1, ratio: 90));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("kr.childrenAged8To20").ShouldNotBeEmpty();
        problem.FieldErrors("kr.withholdingRatio").ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenTheShapeIsTheOtherRegimes_ShouldReturn400NamingWhatToSend(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var krCompany = await KoreaSamples.CreateKoreaCompanyAsync(client);
        var usCompany = (await (await client.PostAsJsonAsync("/api/companies", new { name = "Acme", slug = "acme" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        var usShape = await client.PostAsJsonAsync(
            $"/api/companies/{krCompany}/employees",
            new { firstName = "Ada", lastName = "Lovelace", ssn = "123-45-6789", hireDate = "2026-01-02", payFrequency = "monthly", w4 = new { version = "2020", filingStatus = "single" } });
        var krShape = await client.PostAsJsonAsync($"/api/companies/{usCompany}/employees", KoreaSamples.KoreaEmployee());

        (await usShape.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("ssn").Single().ShouldContain("residentRegistrationNumber");
        (await krShape.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("residentRegistrationNumber").Single().ShouldContain("w4");
    }
}
