using PayrollPortal.Application.Withholding.Korea;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PayrollPortal.Api.Tests.Exports;
using PayrollPortal.Application.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>A kr company's register: Korean labels beside the English ones, whole won without decimals, in CSV and XLSX.</summary>
public sealed class KoreaExportTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_ForAKrQuarter_ShouldListTheSixDeductionsInWholeWonWithKoreanLabels(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var (client, companyId, kim, lee) = await KoreaSamples.SetUpKoreaPayrollAsync(app);
        var posted = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", KoreaSamples.KoreaPayroll(kim, lee));
        var payroll = await posted.Content.ReadFromJsonAsync<JsonElement>();
        (await client.PostAsync($"/api/companies/{companyId}/payrolls/{payroll.GetProperty("id").GetGuid()}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var csvLink = await ExportScenario.IssueAsync(client, companyId, new { year = 2026, quarter = 4 }, "csv");
        var csvBytes = await client.GetByteArrayAsync(csvLink.Url);
        var text = Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3);

        text.ShouldNotContain("1234567");
        text.ShouldNotContain("2345678");
        var records = Csv.Parse(text);
        records[0].ShouldBe(KoreaRegisterColumns.Layout.Headers);
        records[0].ShouldContain("National pension / 국민연금");
        var rows = records.Skip(1).SkipLast(1).ToList();
        rows.Count.ShouldBe(2);
        int Column(string header) => KoreaRegisterColumns.Layout.Headers.ToList().IndexOf(header);
        rows[0][Column("National pension / 국민연금")].ShouldBe("190000");
        rows[0][Column("Income tax / 근로소득세")].ShouldBe("195960");
        rows[0][Column("Local income tax / 지방소득세")].ShouldBe("19590");
        rows[0][Column("Net pay / 실지급액")].ShouldBe("3595760");
        rows[0][Column("RRN last 4 / 주민등록번호 끝 4자리")].ShouldBe("4567");
        rows.SelectMany(r => r.Skip(RegisterLayout.FirstMoneyColumn).SkipLast(1)).ShouldAllBe(cell => !cell.Contains('.'));
        var totals = records[^1];
        totals[Column("National pension / 국민연금")].ShouldBe("429870");
        totals[Column("Net pay / 실지급액")].ShouldBe(payroll.GetProperty("totals").GetProperty("netPay").GetRawText());

        var xlsxLink = await ExportScenario.IssueAsync(client, companyId, new { year = 2026, quarter = 4 }, "xlsx");
        using var xlsx = new Xlsx(await client.GetByteArrayAsync(xlsxLink.Url));
        var sheet = xlsx.Rows(xlsx.SheetNames[0]);
        sheet[0].Select(c => c.Text).ShouldBe(KoreaRegisterColumns.Layout.Headers);
        var pension = sheet[1][Column("National pension / 국민연금")];
        pension.IsText.ShouldBeFalse();
        pension.Number.ShouldBe(190_000m);
        pension.NumberFormat.ShouldBe("#,##0");
    }
}
