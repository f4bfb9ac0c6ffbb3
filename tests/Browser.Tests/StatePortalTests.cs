using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;

namespace PayrollPortal.Browser.Tests;

/// <summary>
/// The us-federal employee page edits the work state and its certificate, showing only the chosen state's fields with
/// their allowed values; the payroll grid previews the state tax.
/// </summary>
public sealed class StatePortalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task EmployeeForm_WhenTheWorkStateChanges_ShouldShowThatStatesFieldsAndSaveTheCertificate() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("state-form");
        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company.Id}/employees");
        _portal.ClickLink("Add employee");
        _portal.WaitForHeading("New employee");
        _portal.Fill("First name", "Katherine");
        _portal.Fill("Last name", "Johnson");
        _portal.Fill("Social Security number", "345-67-8901");
        _portal.SetDate("Hire date", "2025-06-02");
        _portal.Choose("Pay frequency", "Monthly");

        _portal.Choose("Work state", "US-MD");
        Options("Rate schedule (county rate)").ShouldContain("0.0320");
        Options("Rate schedule (county rate)").ShouldContain("md_resident_in_de");
        Options("State filing status").ShouldBe(["married_joint", "head_of_household", "single", "married_filing_separately", "dependent"]);
        Visible("Secondary state allowances").ShouldBeFalse();

        _portal.Choose("Work state", "US-CA");
        Visible("Rate schedule (county rate)").ShouldBeFalse();
        Options("State filing status").ShouldBe(["single", "married", "head_of_household"]);
        Visible("Secondary state allowances").ShouldBeTrue();
        _portal.Choose("State filing status", "married");
        _portal.Fill("State allowances", "2");
        _portal.Fill("State additional withholding per period", "15.00");
        _portal.ClickButton("Add employee");
        _portal.WaitUntil(() => _portal.HasVisible(By.LinkText("Johnson, Katherine")), "the new employee is listed");
        _portal.Driver.FindElement(By.TagName("main")).Text.ShouldContain("US-CA");

        using var client = fixture.App.CreateClient();
        var employees = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees?limit=100");
        var saved = employees.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("lastName").GetString() == "Johnson");
        saved.GetProperty("workState").GetString().ShouldBe("US-CA");
        var certificate = saved.GetProperty("stateCertificate");
        certificate.GetProperty("filingStatus").GetString().ShouldBe("married");
        certificate.GetProperty("allowances").GetInt32().ShouldBe(2);
        certificate.GetProperty("additionalWithholding").GetDecimal().ShouldBe(15.00m);
        saved.GetProperty("stateEffectiveDate").GetString().ShouldBe("2025-06-02");
    });

    [Fact]
    public Task PayrollGrid_WhenTheEmployeeHasAWorkState_ShouldPreviewTheStateTaxTheDraftHolds() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("state-grid");
        using var client = fixture.App.CreateClient();
        var patched = await client.PatchAsJsonAsync($"/api/companies/{company.Id}/employees/{company.EmployeeId}", new
        {
            workState = "US-NY",
            stateCertificate = new { filingStatus = "single", allowances = 1 },
            stateEffectiveDate = "2026-01-01",
        });
        patched.IsSuccessStatusCode.ShouldBeTrue(await patched.Content.ReadAsStringAsync());

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company.Id}/payrolls");
        _portal.ClickLink("New payroll");
        _portal.SetDate("Period start", "2026-03-01");
        _portal.SetDate("Period end", "2026-03-31");
        _portal.SetDate("Pay date", "2026-03-31");
        _portal.Choose("Pay frequency", "Monthly");
        _portal.Choose(_portal.Field("Employee, line 1"), "Hopper, Grace");
        _portal.Field("Gross wages, line 1").SendKeys("6000");
        _portal.WaitUntil(() => _portal.PreviewCell(1, "stateIncomeTax").StartsWith('$'), "the line shows its state tax");
        var preview = _portal.PreviewCell(1, "stateIncomeTax");
        _portal.ClickButton("Create draft payroll");
        _portal.WaitForHeading("Payroll paid 2026-03-31");

        var payrolls = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls?year=2026&month=3");
        var id = payrolls.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString();
        var line = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls/{id}")).GetProperty("lines")[0];
        line.GetProperty("stateJurisdiction").GetString().ShouldBe("US-NY");
        var tax = line.GetProperty("stateIncomeTax").GetDecimal();
        tax.ShouldBeGreaterThan(0m);
        preview.ShouldBe(tax.ToString("'$'#,##0.00", System.Globalization.CultureInfo.InvariantCulture));
        var row = _portal.Driver.FindElements(By.CssSelector("#payroll-lines tbody tr")).Single();
        row.Text.ShouldContain("US-NY");
        row.Text.ShouldContain(preview);
    });

    private List<string> Options(string label) =>
        [.. _portal.Field(label).FindElements(By.TagName("option")).Select(o => o.GetAttribute("value") ?? string.Empty)];

    private bool Visible(string label) => _portal.HasVisible(By.XPath($"//label[normalize-space(.)='{label}']"));
}
