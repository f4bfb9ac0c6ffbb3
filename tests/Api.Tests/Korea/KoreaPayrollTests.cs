using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>A kr company's monthly payroll over HTTP on both databases: post, approve, report, in whole won.</summary>
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

        // The rules behind these figures are tested through the pipeline (Application.Tests, KoreaPayrollUseCaseTests); here,
        // how they travel: each line's kr members and the payroll's krTotals, in whole won.
        var first = payroll.GetProperty("lines")[0];
        first.GetProperty("netPay").GetRawText().ShouldBe("3595760");
        first.GetProperty("kr").GetProperty("nationalPension").GetRawText().ShouldBe("190000");
        var krTotals = payroll.GetProperty("krTotals");
        krTotals.GetProperty("nationalPension").GetRawText().ShouldBe("429870");

        var payrollId = payroll.GetProperty("id").GetGuid();
        var approved = await client.PostAsync($"/api/companies/{companyId}/payrolls/{payrollId}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("approved");

        foreach (var period in new[] { "month=10", "quarter=4", string.Empty })
        {
            var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year=2026&{period}");
            report.GetProperty("currency").GetString().ShouldBe("KRW");
            var totals = report.GetProperty("kr").GetProperty("totals");
            totals.GetProperty("nationalPension").GetRawText().ShouldBe("429870", period);
            totals.GetProperty("totalDeductions").GetRawText().ShouldBe(krTotals.GetProperty("totalDeductions").GetRawText());
            report.GetProperty("employeeCount").GetInt32().ShouldBe(2);
        }

        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/payrolls");
        listed.GetProperty("items")[0].GetProperty("totals").GetProperty("netPay").GetRawText()
            .ShouldBe(payroll.GetProperty("totals").GetProperty("netPay").GetRawText());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenAnAmountIsNotWholeWon_ShouldReturn400ProblemNamingTheLineField(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, _) = await KoreaSamples.SetUpKoreaPayrollAsync(app);

        var fractional = await client.PostAsJsonAsync(
            $"/api/companies/{companyId}/payrolls",
            new { periodStart = "2026-10-01", periodEnd = "2026-10-31", payDate = "2026-10-25", payFrequency = "monthly", lines = new[] { new { employeeId = kim, basePay = 1_000_000.5m } } });

        (await fractional.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0].basePay").ShouldNotBeEmpty();
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
