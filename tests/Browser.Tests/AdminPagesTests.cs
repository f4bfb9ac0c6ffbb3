using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;

namespace PayrollPortal.Browser.Tests;

/// <summary>The admin pages (issue 26) in Chromium, each checked against what the API holds afterwards.</summary>
public sealed class AdminPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task Tokens_WhenCreatedAndRevokedInThePortal_ShouldWorkOnceShownAndStopAfterRevoking() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("tokens");
        var (email, password) = await fixture.CreateMemberAsync("payroll_manager", company.Id);
        _portal.SignIn(email, password);
        _portal.WaitForHeading("Companies");

        _portal.ClickLink("API tokens");
        _portal.WaitForHeading("API tokens");
        var name = $"nightly export {Guid.NewGuid():N}"[..24];
        _portal.Fill("Name", name);
        _portal.Choose("Company", company.Name);
        _portal.Choose("Role", "Viewer");
        _portal.ClickButton("Create token");
        var secret = _portal.WaitFor("#new-token-secret").Text;
        secret.Length.ShouldBeGreaterThan(20);

        using var bearer = fixture.App.CreateAnonymousClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await bearer.GetAsync($"/api/companies/{company.Id}/employees")).IsSuccessStatusCode.ShouldBeTrue("the token shown works");
        var listed = (await bearer.GetFromJsonAsync<JsonElement>("/api/tokens")).GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
        (listed.GetProperty("name").GetString(), listed.GetProperty("role").GetString(), listed.GetProperty("companyId").GetGuid()).ShouldBe((name, "viewer", company.Id));

        // The list shows the new token at once, by name only; the secret stays only in the one-time notice.
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#tokens-table tbody tr")).Any(r => r.Text.Contains(name, StringComparison.Ordinal)), "the new token is listed");
        var row = _portal.Driver.FindElements(By.CssSelector("#tokens-table tbody tr")).Single(r => r.Text.Contains(name, StringComparison.Ordinal));
        row.Text.ShouldContain(company.Name);
        _portal.Driver.FindElement(By.Id("tokens-list")).Text.ShouldNotContain(secret);
        _portal.Driver.Navigate().Refresh();
        _portal.WaitForHeading("API tokens");
        _portal.WaitFor("#tokens-table tbody tr");
        _portal.Driver.PageSource.ShouldNotContain(secret, Case.Sensitive, "after a reload the secret is nowhere on the page");
        _portal.Driver.FindElement(By.CssSelector($"button[aria-label='Revoke {name}']")).Click();
        _portal.ClickButton("Revoke token");
        _portal.WaitUntil(() => !_portal.Driver.FindElements(By.CssSelector("#tokens-table tbody tr")).Any(r => r.Text.Contains(name, StringComparison.Ordinal)), "the revoked token leaves the list");
        _portal.WaitFor("#tokens-status").GetAttribute("textContent")!.ShouldContain($"{name} was revoked.");
        (await bearer.GetAsync($"/api/companies/{company.Id}/employees")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    });

    [Fact]
    public Task MonthClose_WhenClosedAndReopenedFromThePayrollsPage_ShouldShowOnTheDashboardAsTheApiHoldsIt() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("closing");
        var payrollId = await fixture.CreateDraftPayrollAsync(company); // paid 2026-01-30
        using var client = fixture.App.CreateClient();
        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");

        // A draft keeps January open: the refusal names it beside the button.
        _portal.Open($"#/c/{company.Id}/payrolls?year=2026&month=1");
        _portal.WaitFor("#period-status").Text.ShouldContain("January 2026 is open; 1 draft must be approved or voided");
        _portal.ClickButton("Close January 2026");
        _portal.WaitFor("#period-status .alert").Text.ShouldContain(payrollId.ToString());
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/periods/2026-01")).GetProperty("status").GetString().ShouldBe("in_progress");

        (await client.PostAsync($"/api/companies/{company.Id}/payrolls/{payrollId}/approve", null)).IsSuccessStatusCode.ShouldBeTrue();
        _portal.Open($"#/c/{company.Id}/payrolls?year=2026&month=1&after=approve");
        _portal.ClickButton("Close January 2026");
        _portal.WaitUntil(() => _portal.WaitFor("#period-status").Text.Contains("January 2026 is closed", StringComparison.Ordinal), "the page shows the month closed");
        var closed = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/periods/2026-01");
        closed.GetProperty("status").GetString().ShouldBe("closed");

        // The dashboard: the company's January closed with its one payroll, the other months empty.
        _portal.Open("#/closings?year=2026");
        _portal.WaitForHeading("Month closings");
        var cells = _portal.WaitFor($"#closings-grid tr[data-company-id='{company.Id}']").FindElements(By.CssSelector("td"));
        cells.Count.ShouldBe(12);
        (cells[0].GetAttribute("data-status"), cells[0].Text).ShouldBe(("closed", "Closed (1)"));
        cells.Skip(1).ShouldAllBe(c => c.GetAttribute("data-status") == "none");

        // Reopened with a reason: the API holds the month open and the audit trail the reason.
        _portal.Open($"#/c/{company.Id}/payrolls?year=2026&month=1");
        _portal.ClickButton("Reopen…");
        _portal.Fill("Reason for reopening", "short");
        _portal.ClickButton("Reopen January 2026");
        _portal.FieldError("Reason for reopening").Text.ShouldNotBeEmpty();
        _portal.Fill("Reason for reopening", "Correcting a bonus paid in error");
        _portal.ClickButton("Reopen January 2026");
        _portal.WaitUntil(() => _portal.WaitFor("#period-status").Text.Contains("January 2026 is open", StringComparison.Ordinal), "the page shows the month open again");
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/periods/2026-01")).GetProperty("status").GetString().ShouldBe("in_progress");
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?companyId={company.Id}&action=period.reopened");
        audit.GetProperty("items").EnumerateArray().Single().GetProperty("details").GetProperty("reason").GetString().ShouldBe("Correcting a bonus paid in error");
    });
}
