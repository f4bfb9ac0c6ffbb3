using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Tests.Exports;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;
using PayrollPortal.TestSupport.FlatTax;

namespace PayrollPortal.Api.Tests.FlatTax;

/// <summary>
/// The proof that a regime is a module: the xx-flat regime, registered by this test host alone, runs the whole life of a
/// payroll through the HTTP API on both databases.
/// </summary>
public sealed class FlatTaxRegimeTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Employees_WhenHiredAndChanged_ShouldKeepTheTaxCodeHistoryAndRefuseOtherRegimesFields(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await CompanyAsync(client);

        var hired = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees",
            new { firstName = "Eva", lastName = "Berg", hireDate = "2026-01-01", taxId = "12345678", taxCode = "A", payFrequency = "monthly" });
        var usShaped = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees",
            new { firstName = "Bo", lastName = "", hireDate = "2026-01-01", ssn = "123-45-6789", taxId = "1234", taxCode = "Z", payFrequency = "monthly" });

        hired.StatusCode.ShouldBe(HttpStatusCode.Created, await hired.Content.ReadAsStringAsync());
        var eva = await hired.Content.ReadFromJsonAsync<JsonElement>();
        eva.GetProperty("regime").GetString().ShouldBe(FlatTaxRegime.RegimeCode);
        eva.GetProperty("ssnMasked").GetString().ShouldBe("****5678");
        eva.GetProperty("taxCode").GetString().ShouldBe("A");
        eva.TryGetProperty("w4", out _).ShouldBeFalse();
        var problem = await usShaped.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("ssn").Single().ShouldContain("taxId");
        problem.FieldErrors("lastName").ShouldNotBeEmpty();
        problem.FieldErrors("taxId").ShouldNotBeEmpty();
        problem.FieldErrors("taxCode").ShouldNotBeEmpty();

        var id = eva.GetProperty("id").GetGuid();
        var changed = await client.PatchAsJsonAsync($"/api/companies/{companyId}/employees/{id}",
            new { lastName = "Berg-Lind", taxCode = "NT", taxCodeEffectiveDate = "2026-07-01" });
        var missingDate = await client.PatchAsJsonAsync($"/api/companies/{companyId}/employees/{id}", new { taxCode = "B" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await missingDate.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("taxCodeEffectiveDate").ShouldNotBeEmpty();
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/employees/{id}");
        stored.GetProperty("lastName").GetString().ShouldBe("Berg-Lind");
        stored.GetProperty("taxCode").GetString().ShouldBe("NT");
        stored.GetProperty("taxCodeHistory").EnumerateArray().Select(h => h.GetProperty("taxCode").GetString()).ShouldBe(["A", "NT"]);
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<string>("SELECT regime FROM employee_tax_profiles")).ShouldBe(FlatTaxRegime.RegimeCode);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM employee_w4s")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Payroll_WhenPreviewedPostedApprovedReportedExportedAndVoided_ShouldComputeTenPercentToTheCent(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await CompanyAsync(client);
        var eva = await EmployeeAsync(client, companyId, "12345678", "A");
        var noTax = await EmployeeAsync(client, companyId, "87654321", "NT");
        object Payroll(string periodStart, string payDate) => new
        {
            periodStart,
            periodEnd = payDate,
            payDate,
            payFrequency = "monthly",
            lines = new object[]
            {
                new { employeeId = eva, grossWages = 3333.35m, bonus = "100.10", postTaxDeductions = 25m },
                new { employeeId = noTax, grossWages = 2000m },
            },
        };

        var preview = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls/preview", Payroll("2026-03-01", "2026-03-31"));
        var posted = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", Payroll("2026-03-01", "2026-03-31"));
        var badLine = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", new
        {
            periodStart = "2026-04-01", periodEnd = "2026-04-30", payDate = "2026-04-30", payFrequency = "monthly",
            lines = new object[] { new { employeeId = eva, grossWages = 1.005m, basePay = 1000 } },
        });

        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var previewed = await preview.Content.ReadFromJsonAsync<JsonElement>();
        previewed.GetProperty("currency").GetString().ShouldBe("EUR");
        previewed.GetProperty("lines")[0].GetProperty("incomeTax").GetDecimal().ShouldBe(343.35m);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var payroll = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var lines = payroll.GetProperty("lines");
        lines[0].GetProperty("incomeTax").GetDecimal().ShouldBe(343.35m);
        lines[0].GetProperty("netPay").GetDecimal().ShouldBe(3065.10m);
        lines[1].GetProperty("incomeTax").GetDecimal().ShouldBe(0m);
        lines[1].GetProperty("taxCode").GetString().ShouldBe("NT");
        payroll.GetProperty("totals").GetProperty("incomeTax").GetDecimal().ShouldBe(343.35m);
        payroll.GetProperty("totals").GetProperty("netPay").GetDecimal().ShouldBe(5065.10m);
        payroll.GetProperty("regime").GetString().ShouldBe(FlatTaxRegime.RegimeCode);
        var problem = await badLine.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("lines[0].basePay").ShouldNotBeEmpty();

        var payrollId = payroll.GetProperty("id").GetGuid();
        await using (var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            (await connection.ExecuteScalarAsync<string>("SELECT regime FROM payrolls")).ShouldBe(FlatTaxRegime.RegimeCode);
            (await connection.QueryAsync<long>("SELECT net_pay FROM payroll_lines ORDER BY line_no")).ShouldBe([306510L, 200000L]);
            (await connection.ExecuteScalarAsync<string>("SELECT details FROM payroll_lines WHERE line_no = 1"))!.ShouldContain("34335");
            (await connection.ExecuteScalarAsync<long>("SELECT SUM(federal_income_tax) FROM payroll_lines")).ShouldBe(0);
        }

        var approved = await client.PostAsync($"/api/companies/{companyId}/payrolls/{payrollId}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("approved");

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year=2026&quarter=1");
        report.GetProperty("regime").GetString().ShouldBe(FlatTaxRegime.RegimeCode);
        report.GetProperty("currency").GetString().ShouldBe("EUR");
        report.GetProperty("employeeCount").GetInt32().ShouldBe(2);
        report.GetProperty("incomeTax").GetDecimal().ShouldBe(343.35m);
        report.GetProperty("months")[2].GetProperty("incomeTax").GetDecimal().ShouldBe(343.35m);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/payrolls");
        listed.GetProperty("items")[0].GetProperty("totals").GetProperty("netPay").GetDecimal().ShouldBe(5065.10m);

        var csvLink = await ExportScenario.IssueAsync(client, companyId, new { year = 2026, quarter = 1 }, "csv");
        var csvBytes = await client.GetByteArrayAsync(csvLink.Url);
        var records = Csv.Parse(Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3));
        records[0].ShouldBe(new FlatTaxRegister().Columns.Headers);
        records[1][1].ShouldBe("5678");
        records[1][6..11].ShouldBe(["3333.35", "100.10", "343.35", "25.00", "3065.10"]);
        records[^1][6..11].ShouldBe(["5333.35", "100.10", "343.35", "25.00", "5065.10"]);
        var xlsxLink = await ExportScenario.IssueAsync(client, companyId, new { year = 2026, quarter = 1 }, "xlsx");
        using var xlsx = new Xlsx(await client.GetByteArrayAsync(xlsxLink.Url));
        var sheet = xlsx.Rows(xlsx.SheetNames[0]);
        sheet[0].Select(c => c.Text).ShouldBe(new FlatTaxRegister().Columns.Headers);
        sheet[1][8].Number.ShouldBe(343.35m);

        var voided = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls/{payrollId}/void", new { reason = "wrong month" });
        voided.StatusCode.ShouldBe(HttpStatusCode.OK, await voided.Content.ReadAsStringAsync());
        (await voided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("voided");
        var afterVoid = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year=2026&quarter=1");
        afterVoid.GetProperty("incomeTax").GetDecimal().ShouldBe(0m);
    }

    private static Task<PayrollApp> StartAsync(DatabaseProvider provider) =>
        PayrollApp.StartAsync(
            provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = ExportSigningKeys.NewEntry("k1") }, services => services.AddFlatTaxRegime());

    private static async Task<Guid> CompanyAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/companies", new { name = "Flat Oy", slug = "flat-oy", regime = FlatTaxRegime.RegimeCode });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var company = await created.Content.ReadFromJsonAsync<JsonElement>();
        company.GetProperty("currency").GetString().ShouldBe("EUR");
        return company.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> EmployeeAsync(HttpClient client, Guid companyId, string taxId, string taxCode)
    {
        var hired = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees",
            new { firstName = "Emp", lastName = taxId, hireDate = "2026-01-01", taxId, taxCode, payFrequency = "monthly" });
        hired.StatusCode.ShouldBe(HttpStatusCode.Created, await hired.Content.ReadAsStringAsync());
        return (await hired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
