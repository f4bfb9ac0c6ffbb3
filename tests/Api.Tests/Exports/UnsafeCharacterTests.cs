using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using PayrollPortal.Api.Tests.Korea;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Exports;

/// <summary>
/// Control characters, bidirectional overrides and zero-width characters are refused in names, codes and slugs; rows
/// stored before that are cleaned on the way out, and the formula guard knows the full-width operators and the pipe.
/// </summary>
public sealed class UnsafeCharacterTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Writes_WhenANameSlugOrEmailHoldsAControlBidiOrZeroWidthCharacter_ShouldBe400NamingTheField(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var korea = await KoreaSamples.CreateKoreaCompanyAsync(client);
        object Employee(string firstName, string lastName) => new
        {
            firstName, lastName, ssn = "234-56-7890", hireDate = "2026-01-05", payFrequency = "biweekly", w4 = new { version = "2020", filingStatus = "single" },
        };

        var cases = new (string What, Func<Task<HttpResponseMessage>> Request, string Field)[]
        {
            ("NUL in a company name", () => client.PostAsJsonAsync("/api/companies", new { name = "Acme\u0000", slug = "acme-nul" }), "name"),
            ("right-to-left override in a slug", () => client.PostAsJsonAsync("/api/companies", new { name = "Acme", slug = "ac\u202Eme" }), "slug"),
            ("zero-width space in a first name", () => client.PostAsJsonAsync($"/api/companies/{company.Id}/employees", Employee("A\u200Bda", "Byron")), "firstName"),
            ("bidi override in a last name", () => client.PostAsJsonAsync($"/api/companies/{company.Id}/employees", Employee("Ada", "Love\u202Elace")), "lastName"),
            ("tab in a name", () => client.PostAsJsonAsync($"/api/companies/{company.Id}/employees", Employee("Ada\tMary", "Byron")), "firstName"),
            ("bell in a renamed employee", () => client.PatchAsJsonAsync($"/api/companies/{company.Id}/employees/{ada.Id}", new { firstName = "Ada\u0007" }), "firstName"),
            ("isolate in a kr employee", () => client.PostAsJsonAsync($"/api/companies/{korea}/employees",
                WithFirstName(KoreaSamples.KoreaEmployee("900101-1234567"), "\u2066민준")), "firstName"),
            ("zero-width joiner in an email", () => client.PostAsJsonAsync($"/api/companies/{company.Id}/users", new { email = "pat\u200D@acme.test", role = "viewer" }), "email"),
            ("renamed company with a line separator", () => client.PatchAsJsonAsync($"/api/companies/{company.Id}", new { name = "Acme\u2028Corp" }), "name"),
        };

        foreach (var (what, request, field) in cases)
        {
            var response = await request();
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.FieldErrors(field).ShouldNotBeEmpty(what);
        }

        var employees = await client.GetStringAsync($"/api/companies/{company.Id}/employees");
        employees.ShouldNotContain("Byron");
        (await client.PostAsJsonAsync($"/api/companies/{company.Id}/employees", Employee("Zoë", "O'Brien-Ṡmith"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenStoredNamesHoldUnsafeCharactersOrFullWidthOperators_ShouldDropTheOnesAndGuardTheOthers(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var scenario = await ExportScenario.CreateAsync(app);
        await using (var connection = await app.Database.OpenAsync())
        {
            // Rows written before names were checked: PostgreSQL text cannot hold NUL, so both use other control characters.
            foreach (var (before, after) in new[]
                     {
                         ("Ada Lovelace", "Ada\u0001\u202E\u200B Lovelace"), ("Grace Hopper", "\uFF1D1+1 Hopper"), ("+1 Test", "|calc Test"), ("-2 Test", "\u0007\uFF0B1 Test"),
                     })
            {
                await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE payroll_lines SET employee_name = @after WHERE employee_name = @before", new { before, after });
            }
        }

        var client = app.CreateClient();
        var csvBytes = await client.GetByteArrayAsync((await ExportScenario.IssueAsync(client, scenario.CompanyId, new { payrollId = scenario.January }, "csv")).Url);
        using var xlsx = new Xlsx(await client.GetByteArrayAsync((await ExportScenario.IssueAsync(client, scenario.CompanyId, new { payrollId = scenario.January }, "xlsx")).Url));

        var csvText = Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3);
        csvBytes.ShouldNotContain((byte)0x01);
        csvBytes.ShouldNotContain((byte)0x07);
        csvText.ShouldNotContain("\u202E");
        csvText.ShouldNotContain("\u200B");
        var csvNames = Csv.Parse(csvText).Skip(1).SkipLast(1).Select(r => r[0]).ToList();
        var xlsxNames = xlsx.Rows("Register").Skip(1).SkipLast(1).Select(r => r[0].Text).ToList();
        foreach (var expected in new[] { "Ada Lovelace", "'\uFF1D1+1 Hopper", "'|calc Test", "'\uFF0B1 Test" })
        {
            csvNames.ShouldContain(expected);
            xlsxNames.ShouldContain(expected);
        }

        xlsx.Sheet("Register").Descendants<CellFormula>().ShouldBeEmpty();
    }

    private static System.Text.Json.Nodes.JsonObject WithFirstName(object employee, string firstName)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(employee)!.AsObject();
        json["firstName"] = firstName;
        return json;
    }
}
