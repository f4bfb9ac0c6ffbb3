using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Browser.Tests;

/// <summary>A <c>kr</c> company in the portal: Korean-labelled deductions in whole won, as the API computed them.</summary>
public sealed class KoreaPortalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    private static readonly (string Key, string Label)[] Deductions =
    [
        ("nationalPension", "국민연금 National pension"),
        ("healthInsurance", "건강보험 Health insurance"),
        ("longTermCare", "장기요양보험 Long-term care"),
        ("employmentInsurance", "고용보험 Employment insurance"),
        ("incomeTax", "근로소득세 Income tax"),
        ("localIncomeTax", "지방소득세 Local income tax"),
    ];

    [Fact]
    public Task KrCompany_WhenPaid_ShouldShowTheSixDeductionsInWholeWonInDetailReportAndAddEmployeesWithTheMaskedRrn() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateKoreaCompanyAsync("kr");
        using var client = fixture.App.CreateClient();
        var posted = await client.PostAsJsonAsync($"/api/companies/{company.Id}/payrolls", new
        {
            periodStart = "2026-10-01",
            periodEnd = "2026-10-31",
            payDate = "2026-10-25",
            payFrequency = "monthly",
            lines = new[] { new { employeeId = company.EmployeeId, basePay = 3_800_000, taxableAllowances = 200_000 } },
        });
        posted.IsSuccessStatusCode.ShouldBeTrue(await posted.Content.ReadAsStringAsync());
        var payroll = (await posted.Content.ReadFromJsonAsync<JsonElement>())!;
        var line = payroll.GetProperty("lines")[0];
        var kr = line.GetProperty("kr");
        // The API's figures for 4,000,000 taxable in 2026-10 with one dependent (README's Korea example).
        kr.GetProperty("incomeTax").GetInt64().ShouldBe(195_960);

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink(company.Name);
        _portal.WaitForHeading("Payrolls");
        var listRow = _portal.WaitFor("main table tbody tr");
        listRow.Text.ShouldContain(Won(line.GetProperty("netPay").GetInt64()));
        listRow.Text.ShouldNotContain("$");

        _portal.ClickLink("2026-10-25");
        _portal.WaitForHeading("Payroll paid 2026-10-25");
        var headers = _portal.Driver.FindElements(By.CssSelector("#payroll-lines thead th")).Select(th => th.Text.Replace('\n', ' ')).ToList();
        var cells = _portal.Driver.FindElements(By.CssSelector("#payroll-lines tbody tr"))
            .Single(r => r.Text.Contains("민준 김", StringComparison.Ordinal))
            .FindElements(By.CssSelector("th, td")).Select(c => c.Text).ToList();
        foreach (var (key, label) in Deductions)
        {
            var column = headers.IndexOf(label);
            column.ShouldBeGreaterThan(0, $"a column headed '{label}'");
            cells[column].ShouldBe(Won(kr.GetProperty(key).GetInt64()), label);
            _portal.Driver.FindElement(By.Id($"total-{key}")).Text.ShouldBe(Won(payroll.GetProperty("krTotals").GetProperty(key).GetInt64()));
        }

        cells[headers.IndexOf("기본급 Base pay")].ShouldBe("₩3,800,000");
        cells[headers.IndexOf("비과세 Non-taxable")].ShouldBe("₩200,000");
        cells[headers.IndexOf("실지급액 Net pay")].ShouldBe(Won(line.GetProperty("netPay").GetInt64()));
        _portal.Driver.FindElement(By.Id("payroll-lines")).Text.ShouldNotContain(".00");

        // Approved, the payroll reaches the quarter report: October's six totals and its bar, in whole won.
        (await client.PostAsync($"/api/companies/{company.Id}/payrolls/{payroll.GetProperty("id").GetGuid()}/approve", null)).IsSuccessStatusCode.ShouldBeTrue();
        var report = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/withholding?year=2026&quarter=4"))!;
        var october = report.GetProperty("kr").GetProperty("months")[0];
        _portal.Open($"#/c/{company.Id}/report?year=2026&quarter=4");
        _portal.WaitForHeading("Withholding report, Q4 2026");
        var reportHeaders = _portal.Driver.FindElements(By.CssSelector("#report-table thead th")).Select(th => th.Text.Replace('\n', ' ')).ToList();
        var octoberCells = _portal.Driver.FindElements(By.CssSelector("#report-table tbody tr"))
            .Single(r => r.Text.StartsWith("October", StringComparison.Ordinal))
            .FindElements(By.CssSelector("th, td")).Select(c => c.Text).ToList();
        foreach (var (key, label) in Deductions)
        {
            octoberCells[reportHeaders.IndexOf(label)].ShouldBe(Won(october.GetProperty(key).GetInt64()), label);
        }

        var totalDeductions = Won(october.GetProperty("totalDeductions").GetInt64());
        octoberCells[reportHeaders.IndexOf("공제 합계 Total deductions")].ShouldBe(totalDeductions);
        _portal.Driver.FindElement(By.CssSelector("svg.chart")).GetAttribute("aria-label")!.ShouldContain($"October {totalDeductions}");
        _portal.Driver.FindElements(By.CssSelector("svg.chart .bar rect")).Count.ShouldBe(3);

        // A second employee through the portal's kr form; the list shows only the masked 주민등록번호.
        _portal.ClickLink("Employees");
        _portal.ClickLink("Add employee");
        _portal.Fill("First name", "서연");
        _portal.Fill("Last name", "이");
        _portal.Fill("주민등록번호 Resident registration number", "850505-2345678");
        _portal.SetDate("Hire date", "2026-03-02");
        _portal.Fill("공제대상가족 수 Dependents (the employee included)", "4");
        _portal.Fill("8-20세 자녀 Children aged 8-20", "2");
        _portal.Choose("원천징수 비율 Withholding ratio", "120%");
        _portal.Fill("식대 Meals (monthly, non-taxable)", "₩200,000");
        _portal.ClickButton("Add employee");
        _portal.WaitUntil(() => _portal.HasVisible(By.LinkText("이, 서연")), "the new kr employee is listed");
        _portal.Driver.FindElement(By.TagName("main")).Text.ShouldContain("******-***5678");
        _portal.Driver.PageSource.ShouldNotContain("2345678");
        var employees = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees?q=서연"))!.GetProperty("items");
        var profile = employees.EnumerateArray().Single().GetProperty("kr");
        (profile.GetProperty("dependents").GetInt32(), profile.GetProperty("childrenAged8To20").GetInt32(), profile.GetProperty("withholdingRatio").GetInt32())
            .ShouldBe((4, 2, 120));
        profile.GetProperty("nonTaxable").GetProperty("meals").GetDecimal().ShouldBe(200_000m);
    });

    private static string Won(long amount) => "₩" + amount.ToString("#,##0", CultureInfo.InvariantCulture);
}
