using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Cli;

/// <summary><c>payroll seed-demo</c> through the real executable on an empty database, then seen through the API as a newcomer would.</summary>
public sealed class SeedDemoTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SeedDemo_WhenDatabaseIsEmpty_ShouldCreateTheDemoCompanyWithTwelveEmployeesAndThreeApprovedPayrolls(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url, [PiiKeyRing.Variable] = TestKeys.PiiKeys };

        var seeded = await PayrollProcess.RunAsync(["seed-demo"], environment, Timeout);

        seeded.ExitCode.ShouldBe(0, seeded.StandardError);
        seeded.StandardOutput.ShouldContain("seeded demo-co: 12 employees, 3 approved monthly payrolls in");
        await using var app = PayrollApp.StartOn(database);
        var client = app.CreateClient();
        var company = (await client.GetFromJsonAsync<JsonElement>("/api/companies")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        company.GetProperty("slug").GetString().ShouldBe("demo-co");
        company.GetProperty("name").GetString().ShouldBe("Demo Company (sample data)");
        var companyId = company.GetProperty("id").GetString();

        var employees = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/employees?limit=100")).GetProperty("items").EnumerateArray().ToList();
        employees.Count.ShouldBe(12);
        employees.ShouldAllBe(e => e.GetProperty("payFrequency").GetString() == "monthly");
        employees.Select(e => e.GetProperty("w4").GetProperty("version").GetString()).Distinct().Order().ShouldBe(["2019", "2020"]);
        employees.ShouldAllBe(e => e.GetProperty("ssnMasked").GetString() == "***-**-" + e.GetProperty("ssnLast4").GetString());

        var ssns = await DecryptedSsnsAsync(app);
        ssns.Distinct().Count().ShouldBe(12);
        ssns.ShouldAllBe(ssn => Ssn.Create(ssn).IsSuccess);
        foreach (var ssn in ssns)
        {
            seeded.StandardOutput.ShouldNotContain(ssn);
            seeded.StandardOutput.ShouldNotContain($"{ssn[..3]}-{ssn[3..5]}-{ssn[5..]}");
        }

        var payrolls = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/payrolls")).GetProperty("items").EnumerateArray().ToList();
        payrolls.Count.ShouldBe(3);
        payrolls.ShouldAllBe(p => p.GetProperty("status").GetString() == "approved" && p.GetProperty("totals").GetProperty("lineCount").GetInt32() == 12);
        var payDates = payrolls.Select(p => DateOnly.Parse(p.GetProperty("payDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        payDates.Select(d => d.Month).ShouldBe([1, 2, 3]);
        payDates.Select(d => d.Year).Distinct().ShouldHaveSingleItem();
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year={payDates[0].Year}&quarter=1");
        report.GetProperty("employeeCount").GetInt32().ShouldBe(12);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SeedDemo_WhenTheDemoCompanyExists_ShouldExit6AndAddNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url, [PiiKeyRing.Variable] = TestKeys.PiiKeys };
        (await PayrollProcess.RunAsync(["seed-demo"], environment, Timeout)).ExitCode.ShouldBe(0);

        var again = await PayrollProcess.RunAsync(["seed-demo"], environment, Timeout);

        again.ExitCode.ShouldBe(6);
        again.StandardError.ShouldContain("payroll: seed-demo: the demo company (slug demo-co) already exists; nothing was changed.");
        await using var app = PayrollApp.StartOn(database);
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM companies")).ShouldBe(1);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM employees")).ShouldBe(12);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM payrolls")).ShouldBe(3);
    }

    [Fact]
    public async Task SeedDemo_WhenMigrationsAreEnforcedAndTheSchemaIsEmpty_ShouldExit3AndCreateNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var environment = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url, [PiiKeyRing.Variable] = TestKeys.PiiKeys, ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
        };

        var result = await PayrollProcess.RunAsync(["seed-demo"], environment, Timeout);

        result.ExitCode.ShouldBe(3);
        result.StandardError.ShouldContain("run `payroll migrate up` first");
    }

    private static async Task<List<string>> DecryptedSsnsAsync(PayrollApp app)
    {
        var pii = app.Services.GetRequiredService<IPiiProtector>();
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. (await connection.QueryAsync<string>("SELECT ssn_ciphertext FROM employees")).Select(pii.Unprotect)];
    }
}
