using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>
/// Issue 19's informational findings: no cached copies of API data, one clear answer for a wrong content type or a wrong
/// JSON type, one amount rule, and build details only for the administrator.
/// </summary>
public sealed class DisclosureAndInputTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ApiResponses_WhenTheyCarryEmployeePayrollIdentityOrAuditData_ShouldSayNoStore(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var employee = await app.EmployeeAsync(company.Id, "123-45-6789");
        var client = app.CreateClient();

        foreach (var path in new[]
                 {
                     $"/api/companies/{company.Id}/employees", $"/api/companies/{company.Id}/employees/{employee.Id}", $"/api/companies/{company.Id}/payrolls",
                     "/api/auth/me", "/api/tokens", $"/api/audit?companyId={company.Id}", $"/api/companies/{company.Id}/employees/{Guid.NewGuid()}",
                 })
        {
            var response = await client.GetAsync(path);
            response.Headers.CacheControl?.NoStore.ShouldBeTrue(path);
        }
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "email=a%40b.test&password=x")]
    [InlineData("text/plain", """{"email":"a@b.test","password":"x"}""")]
    public async Task Login_WhenTheBodyIsNotJson_ShouldBe415(string contentType, string body)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateAnonymousClient().PostAsync("/api/auth/login", new StringContent(body, Encoding.UTF8, contentType));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType, await response.Content.ReadAsStringAsync());
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("1.005")]
    [InlineData("4.9E-324")]
    public async Task CalculateWithholding_WhenAnAmountHasMoreThanTwoDecimals_ShouldBe400NamingItLikeThePayrollEndpoints(string amount)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var body = $$$"""{"taxYear":2026,"payFrequency":"weekly","grossWages":{{{amount}}},"w4":{"version":"2020","filingStatus":"single"}}""";

        var response = await client.PostAsync("/api/withholding/calculate", new StringContent(body, Encoding.UTF8, "application/json"));
        var whole = await client.PostAsync("/api/withholding/calculate", new StringContent(body.Replace(amount, "1000.50", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("grossWages").ShouldContain("The amount must have at most two decimal places.");
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Employees_WhenTheSsnIsSentAsANumber_ShouldSayAStringIsExpected(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var employee = await app.EmployeeAsync(company.Id, "123-45-6789");
        var client = app.CreateClient();
        const string created = """{"firstName":"Ada","lastName":"Byron","ssn":234567890,"hireDate":"2026-01-05","payFrequency":"weekly","w4":{"version":"2020","filingStatus":"single"}}""";

        var post = await client.PostAsync($"/api/companies/{company.Id}/employees", new StringContent(created, Encoding.UTF8, "application/json"));
        var patch = await client.PatchAsync($"/api/companies/{company.Id}/employees/{employee.Id}", new StringContent("""{"ssn":234567890}""", Encoding.UTF8, "application/json"));

        (await post.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("ssn").ShouldBe(["The value has the wrong JSON type: expected a string."]);
        (await patch.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("ssn").ShouldBe(["The value has the wrong JSON type: expected a string."]);
    }

    [Fact]
    public async Task PayrollLines_WhenAMemberHasTheWrongJsonType_ShouldNameThatLinesFieldAndStoreNothing()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var company = await app.CompanyAsync("acme");
        var employee = await app.EmployeeAsync(company.Id, "123-45-6789");
        var other = await app.EmployeeAsync(company.Id, "123-45-6790");
        var client = app.CreateClient();
        string Body(string lines) => $$"""{"periodStart":"2026-01-01","periodEnd":"2026-01-07","payDate":"2026-01-09","payFrequency":"weekly","lines":[{{lines}}]}""";
        async Task<HttpResponseMessage> PostAsync(string lines) =>
            await client.PostAsync($"/api/companies/{company.Id}/payrolls", new StringContent(Body(lines), Encoding.UTF8, "application/json"));

        // Lines are read as posted (bench/README.md "Payrolls"): the core's employeeId and the regime's fields each answer
        // under the line's own field, the regime's all at once.
        var wrongId = await PostAsync($$"""{"employeeId":42,"grossWages":1000},{"employeeId":"{{employee.Id}}","grossWages":1000}""");
        var wrongFields = await PostAsync($$"""{"employeeId":"{{employee.Id}}","grossWages":1000},{"employeeId":"{{other.Id}}","grossWages":"lots","bonus":5}""");
        var notAnObject = await PostAsync("7");
        var good = await PostAsync($$"""{"EmployeeId":"{{employee.Id}}","grossWages":"1000.50"}""");

        (await wrongId.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0].employeeId").ShouldBe(["The value has the wrong JSON type: expected an id."]);
        var problem = await wrongFields.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("lines[1].grossWages").ShouldBe(["The value has the wrong JSON type: expected a number."]);
        problem.FieldErrors("lines[1].bonus").ShouldNotBeEmpty();
        (await notAnObject.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0]").ShouldBe(["The value has the wrong JSON type: expected an object."]);
        good.StatusCode.ShouldBe(HttpStatusCode.Created, await good.Content.ReadAsStringAsync());
        var stored = await good.Content.ReadFromJsonAsync<JsonElement>();
        stored.GetProperty("lines")[0].GetProperty("grossWages").GetDecimal().ShouldBe(1000.50m);
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls")).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MetaAndHealth_WhenAskedAnonymously_ShouldKeepTheVersionAndHideCommitAndMigrationNames(DatabaseProvider provider)
    {
        const string metricsToken = "metrics-token-0123456789abcdef0123456789";
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["APP_VERSION"] = "9.8.7", ["GIT_SHA"] = "abc1234def5678", ["METRICS_TOKEN"] = metricsToken,
        });
        var anonymous = app.CreateAnonymousClient();

        var meta = await anonymous.GetFromJsonAsync<JsonElement>("/api/meta");
        var adminMeta = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/meta");

        meta.GetProperty("version").GetString().ShouldBe("9.8.7");
        meta.GetProperty("commit").ValueKind.ShouldBe(JsonValueKind.Null);
        meta.GetProperty("schemaVersion").ValueKind.ShouldBe(JsonValueKind.Null);
        meta.ToString().ShouldNotContain("abc1234");
        adminMeta.GetProperty("commit").GetString().ShouldBe("abc1234def5678");
        adminMeta.GetProperty("schemaVersion").GetString().ShouldNotBeNullOrEmpty();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = '0001'");
        }

        var health = await anonymous.GetAsync("/api/healthz");
        var ready = await anonymous.GetAsync("/api/readyz");
        var adminHealth = await (await app.CreateClient().GetAsync("/api/healthz")).Content.ReadAsStringAsync();
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", metricsToken);
        var metrics = await (await anonymous.SendAsync(scrape)).Content.ReadAsStringAsync();

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var healthBody = await health.Content.ReadAsStringAsync();
        healthBody.ShouldNotContain("0001_create_companies");
        JsonDocument.Parse(healthBody).RootElement.GetProperty("checks").GetProperty("migrations").GetString().ShouldBe("failed");
        (await ready.Content.ReadAsStringAsync()).ShouldNotContain("0001_create_companies");
        adminHealth.ShouldContain("drift: 0001_create_companies");
        metrics.ShouldContain("payroll_build_info{version=\"9.8.7\",commit=\"abc1234def5678\"} 1");
    }
}
