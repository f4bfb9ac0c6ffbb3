using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>A kr company's monthly payroll end to end on both databases: post, approve, report.</summary>
public sealed class KoreaPayrollTests
{

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PostApproveReport_ForAKrCompany_ShouldWithholdTheSixDeductionsToTheWon(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, lee) = await KoreaSamples.SetUpKoreaPayrollAsync(app);

        var posted = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", KoreaSamples.KoreaPayroll(kim, lee));

        posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = await posted.Content.ReadAsStringAsync();
        var payroll = JsonDocument.Parse(text).RootElement;
        payroll.GetProperty("regime").GetString().ShouldBe("kr");
        payroll.GetProperty("currency").GetString().ShouldBe("KRW");
        NumbersIn(payroll).Where(number => number.Contains('.')).ShouldBeEmpty("KRW amounts are whole won, written as JSON integers");

        // Kim: 4,000,000 taxable in 2026-10, one dependent: 190,000 / 143,800 / 18,890 / 36,000 / 195,960 / 19,590.
        var first = payroll.GetProperty("lines")[0];
        first.GetProperty("netPay").GetRawText().ShouldBe("3595760");
        var kr = first.GetProperty("kr");
        long Krw(JsonElement e, string name) => e.GetProperty(name).GetInt64();
        (Krw(kr, "nationalPension"), Krw(kr, "healthInsurance"), Krw(kr, "longTermCare"), Krw(kr, "employmentInsurance"), Krw(kr, "incomeTax"), Krw(kr, "localIncomeTax"))
            .ShouldBe((190_000L, 143_800L, 18_890L, 36_000L, 195_960L, 19_590L));
        Krw(kr, "taxablePay").ShouldBe(4_000_000);
        Krw(kr, "nonTaxablePay").ShouldBe(200_000);

        // Lee: 5,050,000 taxable, four dependents with two children 8-20, 120%: table 5,040-5,060 cell, less 45,830, x 1.2.
        var second = payroll.GetProperty("lines")[1].GetProperty("kr");
        Krw(second, "taxablePay").ShouldBe(5_050_000);
        Krw(second, "nationalPension").ShouldBe(239_870);
        Krw(second, "healthInsurance").ShouldBe(181_540);
        Krw(second, "longTermCare").ShouldBe(23_850);
        Krw(second, "employmentInsurance").ShouldBe(45_450);
        Krw(second, "incomeTax").ShouldBe((ExpectedCell(5_050_000, 4) - 45_830) * 12 / 10 / 10 * 10);
        Krw(second, "localIncomeTax").ShouldBe(Krw(second, "incomeTax") / 100 * 10);

        var krTotals = payroll.GetProperty("krTotals");
        Krw(krTotals, "nationalPension").ShouldBe(190_000 + 239_870);
        Krw(krTotals, "grossPay").ShouldBe(4_200_000 + 5_250_000);

        var payrollId = payroll.GetProperty("id").GetGuid();
        var approved = await client.PostAsync($"/api/companies/{companyId}/payrolls/{payrollId}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("approved");

        await using (var connection = await app.Database.OpenAsync())
        {
            (await connection.ExecuteScalarAsync<long>("SELECT SUM(national_pension) FROM payroll_kr_lines")).ShouldBe(429_870);
            (await connection.ExecuteScalarAsync<long>("SELECT SUM(net_pay) FROM payroll_lines")).ShouldBe(payroll.GetProperty("totals").GetProperty("netPay").GetInt64());
        }

        foreach (var period in new[] { "month=10", "quarter=4", string.Empty })
        {
            var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year=2026&{period}");
            report.GetProperty("currency").GetString().ShouldBe("KRW");
            var totals = report.GetProperty("kr").GetProperty("totals");
            Krw(totals, "nationalPension").ShouldBe(429_870, period);
            Krw(totals, "healthInsurance").ShouldBe(143_800 + 181_540);
            Krw(totals, "incomeTax").ShouldBe(Krw(krTotals, "incomeTax"));
            Krw(totals, "totalDeductions").ShouldBe(Krw(krTotals, "totalDeductions"));
            report.GetProperty("employeeCount").GetInt32().ShouldBe(2);
        }

        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/payrolls");
        listed.GetProperty("items")[0].GetProperty("totals").GetProperty("netPay").GetRawText()
            .ShouldBe(payroll.GetProperty("totals").GetProperty("netPay").GetRawText());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenLinesHaveTheUsShapeOrTheFrequencyIsNotMonthly_ShouldReturn400AndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, _) = await KoreaSamples.SetUpKoreaPayrollAsync(app);

        var usShape = await client.PostAsJsonAsync(
            $"/api/companies/{companyId}/payrolls",
            new { periodStart = "2026-10-01", periodEnd = "2026-10-31", payDate = "2026-10-25", payFrequency = "monthly", lines = new[] { new { employeeId = kim, grossWages = 1000.00m } } });
        var weekly = await client.PostAsJsonAsync(
            $"/api/companies/{companyId}/payrolls",
            new { periodStart = "2026-10-01", periodEnd = "2026-10-07", payDate = "2026-10-09", payFrequency = "weekly", lines = new[] { new { employeeId = kim, basePay = 1_000_000 } } });
        var fractional = await client.PostAsJsonAsync(
            $"/api/companies/{companyId}/payrolls",
            new { periodStart = "2026-10-01", periodEnd = "2026-10-31", payDate = "2026-10-25", payFrequency = "monthly", lines = new[] { new { employeeId = kim, basePay = 1_000_000.5m } } });

        (await usShape.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0].grossWages").ShouldNotBeEmpty();
        (await weekly.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("payFrequency").ShouldNotBeEmpty();
        (await fractional.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0].basePay").ShouldNotBeEmpty();
        await using var connection = await app.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM payrolls")).ShouldBe(0);
    }

    /// <summary>The simplified table's cell, read from the CSV shipped with the domain (not from the engine under test).</summary>
    private static long ExpectedCell(long pay, int dependents)
    {
        var csv = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Withholding", "ganiseaek-2024-03-01.csv"));
        var row = csv.Skip(1).Select(l => l.Split(',')).First(f => long.Parse(f[0]) * 1000 <= pay && pay < long.Parse(f[1]) * 1000);
        return long.Parse(row[1 + dependents]);
    }

    /// <summary>Every JSON number in the document, as written (timestamps are strings and do not count).</summary>
    private static IEnumerable<string> NumbersIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetRawText()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => NumbersIn(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(NumbersIn),
        _ => [],
    };
}
