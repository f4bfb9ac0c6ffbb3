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
    public async Task SeedDemo_WhenDatabaseIsEmpty_ShouldCreateTheUsDemoWithTwelveEmployeesOnASchedulePaidByThreeApprovedRuns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url, [PiiKeyRing.Variable] = TestKeys.PiiKeys };

        var seeded = await PayrollProcess.RunAsync(["seed-demo"], environment, Timeout);

        seeded.ExitCode.ShouldBe(0, seeded.StandardError);
        seeded.StandardOutput.ShouldContain("seeded demo-co: 12 employees, 3 approved monthly payrolls in");
        await using var app = PayrollApp.StartOn(database);
        var client = app.CreateClient();
        var companies = (await client.GetFromJsonAsync<JsonElement>("/api/companies")).GetProperty("items").EnumerateArray().ToList();
        companies.Select(c => c.GetProperty("slug").GetString()).Order().ShouldBe(["demo-co", "demo-kr"]);
        var company = companies.Single(c => c.GetProperty("slug").GetString() == "demo-co");
        company.GetProperty("name").GetString().ShouldBe("Demo Company (sample data)");
        var companyId = company.GetProperty("id").GetString();

        var employees = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/employees?limit=100")).GetProperty("items").EnumerateArray().ToList();
        employees.Count.ShouldBe(12);
        employees.ShouldAllBe(e => e.GetProperty("payFrequency").GetString() == "monthly");
        employees.Select(e => e.GetProperty("w4").GetProperty("version").GetString()).Distinct().Order().ShouldBe(["2019", "2020"]);
        employees.ShouldAllBe(e => e.GetProperty("ssnMasked").GetString() == "***-**-" + e.GetProperty("ssnLast4").GetString());
        employees.Select(e => e.GetProperty("employeeNumber").GetString()).Distinct().Count().ShouldBe(12);

        var ssns = await DecryptedSsnsAsync(app);
        ssns.Distinct().Count().ShouldBe(12);
        ssns.ShouldAllBe(ssn => Ssn.Create(ssn).IsSuccess);
        foreach (var ssn in ssns)
        {
            seeded.StandardOutput.ShouldNotContain(ssn);
            seeded.StandardOutput.ShouldNotContain($"{ssn[..3]}-{ssn[3..5]}-{ssn[5..]}");
        }

        // One monthly schedule with every employee on it; its first three periods are approved, each with its payroll.
        var schedule = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/pay-schedules")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        schedule.GetProperty("frequency").GetString().ShouldBe("monthly");
        var scheduleId = schedule.GetProperty("id").GetString();
        employees.ShouldAllBe(e => e.GetProperty("payScheduleId").GetString() == scheduleId);
        var periods = await PeriodsAsync(client, companyId!, scheduleId!, schedule.GetProperty("firstPeriodStart").GetString()!);
        periods.Take(3).ShouldAllBe(p => p.GetProperty("status").GetString() == "approved");
        periods[3].GetProperty("status").GetString().ShouldBe("none");

        var payrolls = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/payrolls")).GetProperty("items").EnumerateArray().ToList();
        payrolls.Count.ShouldBe(3);
        payrolls.ShouldAllBe(p => p.GetProperty("status").GetString() == "approved" && p.GetProperty("totals").GetProperty("lineCount").GetInt32() == 12);
        payrolls.Select(p => p.GetProperty("id").GetString()).Order().ShouldBe(periods.Take(3).Select(p => p.GetProperty("payrollId").GetString()).Order());
        var payDates = payrolls.Select(p => DateOnly.Parse(p.GetProperty("payDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        payDates.Select(d => d.Month).ShouldBe([1, 2, 3]);
        payDates.Select(d => d.Year).Distinct().ShouldHaveSingleItem();

        // Every line came from a compensation record: Mateo, hired January 20, has a prorated January; Noah is paid by the
        // hour; Ethan's March bonus is the only supplemental wage.
        var january = await PayrollOnAsync(client, companyId!, payrolls, 1);
        var mateo = Line(january, "Mateo Rossi").GetProperty("earnings");
        mateo.GetProperty("prorationBasis").GetString().ShouldBe("weekdays");
        mateo.GetProperty("daysEmployed").GetInt32().ShouldBeLessThan(mateo.GetProperty("daysInPeriod").GetInt32());
        Line(january, "Noah Williams").GetProperty("earnings").GetProperty("payType").GetString().ShouldBe("hourly");
        Line(january, "Noah Williams").GetProperty("earnings").GetProperty("regularHours").GetDecimal().ShouldBe(168m);
        Line(january, "Maria Garcia").GetProperty("grossWages").GetDecimal().ShouldBe(4_500.00m);
        var march = await PayrollOnAsync(client, companyId!, payrolls, 3);
        march.GetProperty("totals").GetProperty("supplementalWages").GetDecimal().ShouldBe(10_000.00m);
        Line(march, "Ethan Clark").GetProperty("supplementalWages").GetDecimal().ShouldBe(10_000.00m);
        Line(march, "Ethan Clark").GetProperty("earnings").GetProperty("payType").GetString().ShouldBe("salary");
        var compensation = await client.GetFromJsonAsync<JsonElement>(
            $"/api/companies/{companyId}/employees/{Line(march, "Maria Garcia").GetProperty("employeeId").GetString()}/compensation");
        var record = compensation.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (record.GetProperty("payType").GetString(), record.GetProperty("annualSalary").GetDecimal(), record.GetProperty("retirementPercent").GetDecimal())
            .ShouldBe(("salary", 54_000.00m, 5m));

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year={payDates[0].Year}&quarter=1");
        report.GetProperty("employeeCount").GetInt32().ShouldBe(12);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SeedDemo_WhenDatabaseIsEmpty_ShouldCreateTheKrDemoPaidOnThe25thWithMealsAndAMidMonthHire(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url, [PiiKeyRing.Variable] = TestKeys.PiiKeys };

        var seeded = await PayrollProcess.RunAsync(["seed-demo"], environment, Timeout);

        seeded.ExitCode.ShouldBe(0, seeded.StandardError);
        seeded.StandardOutput.ShouldContain("seeded demo-kr: 5 employees, 3 approved monthly payrolls in");
        await using var app = PayrollApp.StartOn(database);
        var client = app.CreateClient();
        var company = (await client.GetFromJsonAsync<JsonElement>("/api/companies")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("slug").GetString() == "demo-kr");
        company.GetProperty("name").GetString()!.ShouldContain("데모상사");
        company.GetProperty("name").GetString()!.ShouldContain("Demo Korea");
        company.GetProperty("regime").GetString().ShouldBe("kr");
        var companyId = company.GetProperty("id").GetString();

        var employees = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/employees?limit=100")).GetProperty("items").EnumerateArray().ToList();
        employees.Count.ShouldBe(5);
        employees.ShouldAllBe(e => e.GetProperty("kr").GetProperty("nonTaxable").GetProperty("meals").GetDecimal() == 200_000m);
        employees.ShouldAllBe(e => e.GetProperty("ssnMasked").GetString() == "******-***" + e.GetProperty("ssnLast4").GetString());
        var hire = employees.Single(e => e.GetProperty("employeeNumber").GetString() == "M-005");
        var hireDate = DateOnly.Parse(hire.GetProperty("hireDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        (hireDate.Month, hireDate.Day).ShouldBe((2, 16));

        var schedule = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/pay-schedules")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (schedule.GetProperty("frequency").GetString(), schedule.GetProperty("payDayOfMonth").GetInt32(), schedule.GetProperty("payInNextMonth").GetBoolean())
            .ShouldBe(("monthly", 25, false));
        var periods = await PeriodsAsync(client, companyId!, schedule.GetProperty("id").GetString()!, schedule.GetProperty("firstPeriodStart").GetString()!);
        periods.Take(3).ShouldAllBe(p => p.GetProperty("status").GetString() == "approved");
        // The 25th, or the business day before it when it falls on a weekend.
        periods.Take(3).ShouldAllBe(p => DateOnly.Parse(p.GetProperty("payDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Day >= 23
            && DateOnly.Parse(p.GetProperty("payDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Day <= 25);

        var payrolls = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/payrolls")).GetProperty("items").EnumerateArray()
            .OrderBy(p => p.GetProperty("payDate").GetString()).ToList();
        payrolls.ShouldAllBe(p => p.GetProperty("status").GetString() == "approved");
        payrolls.Select(p => p.GetProperty("totals").GetProperty("lineCount").GetInt32()).ShouldBe([4, 5, 5], "the February hire joins from February");

        // February: 하준 paid from the 16th, 13 of 28 calendar days (일할계산; 14 of 29 in a leap year) of 3,300,000, truncated
        // to the won, with the acquisition month's premiums: no 국민연금 or 건강보험 for a month joined after the 1st.
        var february = await PayrollOnAsync(client, companyId!, payrolls, 2);
        var days = DateTime.DaysInMonth(hireDate.Year, 2);
        var line = february.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("employeeId").GetString() == hire.GetProperty("id").GetString());
        var earnings = line.GetProperty("earnings");
        (earnings.GetProperty("daysEmployed").GetInt32(), earnings.GetProperty("daysInPeriod").GetInt32(), earnings.GetProperty("prorationBasis").GetString())
            .ShouldBe((days - 15, days, "calendar_days"));
        earnings.GetProperty("insuranceMonth").GetString().ShouldBe("acquisition_month");
        line.GetProperty("kr").GetProperty("basePay").GetInt64().ShouldBe(3_300_000L * (days - 15) / days);
        line.GetProperty("kr").GetProperty("nationalPension").GetInt64().ShouldBe(0);
        line.GetProperty("kr").GetProperty("healthInsurance").GetInt64().ShouldBe(0);
        line.GetProperty("kr").GetProperty("nonTaxable").GetProperty("meals").GetInt64().ShouldBeGreaterThan(0);
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
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM companies")).ShouldBe(2);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM employees")).ShouldBe(12 + 5);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM payrolls")).ShouldBe(3 + 3);
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
        var ciphertexts = await connection.QueryAsync<string>(
            "SELECT e.ssn_ciphertext FROM employees e JOIN companies c ON c.id = e.company_id WHERE c.slug = 'demo-co'");
        return [.. ciphertexts.Select(pii.Unprotect)];
    }

    private static async Task<List<JsonElement>> PeriodsAsync(HttpClient client, string companyId, string scheduleId, string from) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/pay-schedules/{scheduleId}/periods?from={from}&count=4"))
            .GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> PayrollOnAsync(HttpClient client, string companyId, List<JsonElement> payrolls, int month)
    {
        var id = payrolls.Single(p => DateOnly.Parse(p.GetProperty("payDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Month == month)
            .GetProperty("id").GetString();
        return await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/payrolls/{id}");
    }

    private static JsonElement Line(JsonElement payroll, string name) =>
        payroll.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("employeeName").GetString() == name);
}
