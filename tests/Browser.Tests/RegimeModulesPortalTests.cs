using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Browser.Tests;

/// <summary>
/// The pages take what differs by regime from the regime's portal module (js/regimes/): the new-company form offers the
/// registered modules, and a company's pages show its own regime's figures.
/// </summary>
public sealed class RegimeModulesPortalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task NewCompany_WhenCreatedAsKorea_ShouldOfferEachModuleAndOpenTheKoreanEmployeeForm() => _portal.RunAsync(async () =>
    {
        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        var regime = _portal.Field("Withholding regime");
        regime.FindElements(By.TagName("option")).Select(o => (o.GetAttribute("value"), o.Text))
            .ShouldBe([("us-federal", "United States, federal (USD)"), ("kr", "Korea 대한민국 (KRW)")]);
        regime.GetAttribute("value").ShouldBe("us-federal");

        var slug = $"kr-form-{Guid.NewGuid():N}"[..24];
        _portal.Fill("Name", "한빛 상사");
        _portal.Fill("Slug", slug);
        _portal.Choose(regime, "Korea");
        _portal.ClickButton("Create company");
        _portal.WaitForHeading("Employees");

        using var client = fixture.App.CreateClient();
        var companies = await client.GetFromJsonAsync<JsonElement>("/api/companies?limit=200");
        var created = companies.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == slug);
        created.GetProperty("regime").GetString().ShouldBe("kr");
        created.GetProperty("currency").GetString().ShouldBe("KRW");

        _portal.ClickLink("Add employee");
        _portal.WaitForHeading("New employee");
        _portal.Field("주민등록번호 Resident registration number").Displayed.ShouldBeTrue();
        _portal.HasVisible(By.XPath("//label[contains(., 'Social Security number')]")).ShouldBeFalse();
    });

    [Fact]
    public Task UsPayrollsList_WhenAPayrollIsApproved_ShouldShowItsDollarTotals() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("us-list");
        var payrollId = await fixture.CreateDraftPayrollAsync(company);
        using var client = fixture.App.CreateClient();
        (await client.PostAsync($"/api/companies/{company.Id}/payrolls/{payrollId}/approve", null)).IsSuccessStatusCode.ShouldBeTrue();
        var totals = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls/{payrollId}")).GetProperty("totals");

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company.Id}/payrolls?year=2026&month=1");
        _portal.WaitForHeading("Payrolls");
        var headers = _portal.Driver.FindElements(By.CssSelector("main table thead th")).Select(th => th.Text).ToList();
        headers.ShouldBe(["Pay date", "Period", "Status", "Lines", "Gross wages", "Income tax", "Net pay"]);
        var cells = _portal.WaitFor("main table tbody tr").FindElements(By.CssSelector("th, td")).Select(c => c.Text).ToList();
        cells[0].ShouldBe("2026-01-30");
        cells[4].ShouldBe(Dollars(totals.GetProperty("grossWages").GetDecimal()));
        cells[5].ShouldBe(Dollars(totals.GetProperty("federalIncomeTax").GetDecimal()));
        cells[6].ShouldBe(Dollars(totals.GetProperty("netPay").GetDecimal()));
        cells[4].ShouldBe("$4,200.00");
    });

    private static string Dollars(decimal amount) => amount.ToString("'$'#,##0.00", CultureInfo.InvariantCulture);
}
