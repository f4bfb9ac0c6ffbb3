using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>
/// <c>POST /api/companies/{companyId}/payrolls/preview</c>, which the portal's kr editor grid shows live: the lines a post
/// would store, to the won, and nothing stored.
/// </summary>
public sealed class KoreaPayrollPreviewTests
{
    private static readonly string[] LineFigures =
        ["nationalPension", "healthInsurance", "longTermCare", "employmentInsurance", "incomeTax", "localIncomeTax", "taxablePay", "nonTaxablePay", "totalDeductions"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preview_ForAKrCompany_ShouldComputeTheLinesAPostStoresToTheWonAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, lee) = await KoreaSamples.SetUpKoreaPayrollAsync(app);

        var previewed = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls/preview", KoreaSamples.KoreaPayroll(kim, lee));

        previewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await previewed.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("currency").GetString().ShouldBe("KRW");
        var kimLine = preview.GetProperty("lines")[0];
        kimLine.GetProperty("netPay").GetRawText().ShouldBe("3595760"); // 4,200,000 paid less 190,000 + 143,800 + 18,890 + 36,000 + 195,960 + 19,590
        kimLine.GetProperty("kr").GetProperty("incomeTax").GetInt64().ShouldBe(195_960);
        await using (var connection = await app.Database.OpenAsync())
        {
            (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM payrolls")).ShouldBe(0);
        }

        var posted = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", KoreaSamples.KoreaPayroll(kim, lee));
        posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var payroll = await posted.Content.ReadFromJsonAsync<JsonElement>();
        for (var i = 0; i < 2; i++)
        {
            var stored = payroll.GetProperty("lines")[i];
            var shown = preview.GetProperty("lines")[i];
            shown.GetProperty("netPay").GetInt64().ShouldBe(stored.GetProperty("netPay").GetInt64());
            foreach (var figure in LineFigures)
            {
                shown.GetProperty("kr").GetProperty(figure).GetInt64().ShouldBe(stored.GetProperty("kr").GetProperty(figure).GetInt64(), $"line {i} {figure}");
            }
        }

        preview.GetProperty("krTotals").GetProperty("netPay").GetInt64().ShouldBe(payroll.GetProperty("krTotals").GetProperty("netPay").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preview_WhenAnAmountIsFractionalOrTheEmployeeUnknownOrThePayDateMissing_ShouldReturn400NamingTheField(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, _) = await KoreaSamples.SetUpKoreaPayrollAsync(app);
        var url = $"/api/companies/{companyId}/payrolls/preview";

        var fractional = await client.PostAsJsonAsync(url, new { payDate = "2026-10-25", payFrequency = "monthly", lines = new[] { new { employeeId = kim, basePay = 1_000_000.5m } } });
        var stranger = await client.PostAsJsonAsync(url, new { payDate = "2026-10-25", payFrequency = "monthly", lines = new[] { new { employeeId = Guid.NewGuid(), basePay = 1_000_000m } } });
        var undated = await client.PostAsJsonAsync(url, new { payFrequency = "monthly", lines = new[] { new { employeeId = kim, basePay = 1_000_000m } } });
        var weekly = await client.PostAsJsonAsync(url, new { payDate = "2026-10-25", payFrequency = "weekly", lines = new[] { new { employeeId = kim, basePay = 1_000_000m } } });

        (await fractional.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0].basePay").ShouldNotBeEmpty();
        (await stranger.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0].employeeId").ShouldNotBeEmpty();
        (await undated.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("payDate").ShouldNotBeEmpty();
        (await weekly.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("payFrequency").ShouldNotBeEmpty();
    }
}
