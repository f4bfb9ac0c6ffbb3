using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PayrollPortal.TestSupport.FlatTax;

namespace PayrollPortal.Browser.Tests;

/// <summary>The portal and the test-only xx-flat regime, which has no portal module (js/regimes/core.js applies).</summary>
public sealed class FlatTaxPortalFixture : PortalFixture
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddFlatTaxRegime();
}

/// <summary>
/// A regime registered on the server without a portal module: its companies are shown read-only, with the figures every
/// regime has, in the company's currency; writing its profiles and lines is left to the API, and the pages say so.
/// </summary>
public sealed class RegimeWithoutPortalModuleTests(FlatTaxPortalFixture fixture) : IClassFixture<FlatTaxPortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task FlatTaxCompany_ShouldListEmployeesAndShowPayrollsInEurosWithoutRegimeForms() => _portal.RunAsync(async () =>
    {
        using var client = fixture.App.CreateClient();
        var company = (await (await client.PostAsJsonAsync("/api/companies", new { name = "Flat Co", slug = $"flat-{Guid.NewGuid():N}"[..20], regime = FlatTaxRegime.RegimeCode }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var hired = await client.PostAsJsonAsync($"/api/companies/{company}/employees",
            new { firstName = "Eva", lastName = "Berg", hireDate = "2026-01-01", taxId = "12345678", taxCode = "A", payFrequency = "monthly" });
        var eva = (await hired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var posted = await client.PostAsJsonAsync($"/api/companies/{company}/payrolls", new
        {
            periodStart = "2026-03-01", periodEnd = "2026-03-31", payDate = "2026-03-31", payFrequency = "monthly",
            lines = new object[] { new { employeeId = eva, grossWages = 3333.35m, postTaxDeductions = 25m } },
        });
        var payroll = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var netPay = payroll.GetProperty("lines")[0].GetProperty("netPay").GetDecimal();

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company}/employees");
        _portal.WaitForHeading("Employees");
        var row = _portal.WaitFor("main table tbody tr");
        row.Text.ShouldContain("Berg, Eva");
        row.Text.ShouldContain("****5678");
        _portal.HasVisible(By.LinkText("Add employee")).ShouldBeFalse("the portal has no form for this regime's profile");

        _portal.Open($"#/c/{company}/payrolls?year=2026&month=3");
        _portal.WaitForHeading("Payrolls");
        var cells = _portal.WaitFor("main table tbody tr").FindElements(By.CssSelector("th, td")).Select(c => c.Text).ToList();
        cells[4].ShouldBe("€3,333.35");
        cells[6].ShouldBe(Euros(netPay));

        _portal.ClickLink("2026-03-31");
        _portal.WaitForHeading("Payroll paid 2026-03-31");
        var line = _portal.WaitFor("#payroll-lines tbody tr").Text;
        line.ShouldContain("Eva Berg");
        line.ShouldContain(Euros(netPay));
        line.ShouldContain(Euros(3333.35m - netPay));

        _portal.Open($"#/c/{company}/payrolls/new");
        _portal.WaitForHeading("Payrolls");
        _portal.Driver.Url.ShouldEndWith($"#/c/{company}/payrolls", Case.Sensitive, "no grid for a regime without a line kind");
    });

    private static string Euros(decimal amount) => amount.ToString("'€'#,##0.00", CultureInfo.InvariantCulture);
}
