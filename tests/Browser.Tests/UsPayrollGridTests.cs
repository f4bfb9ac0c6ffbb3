using System.Net.Http.Json;
using System.Text.Json;

namespace PayrollPortal.Browser.Tests;

/// <summary>The US payroll grid shows the figures saving will compute, year-to-date wages included, not a stateless estimate.</summary>
public sealed class UsPayrollGridTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task Grid_WhenTheEmployeeIsPastTheWageBase_ShouldShowNoSocialSecurityAndAdditionalMedicareAsTheSavedDraftHolds() => _portal.RunAsync(async () =>
    {
        // January: an approved $200,000 payroll takes Grace past the Social Security wage base and up to the Additional
        // Medicare threshold. A stateless estimate of February would still show $310.00 of Social Security.
        var company = await fixture.CreateCompanyAsync("ytd");
        using (var client = fixture.App.CreateClient())
        {
            var posted = await client.PostAsJsonAsync($"/api/companies/{company.Id}/payrolls", new
            {
                periodStart = "2026-01-01",
                periodEnd = "2026-01-31",
                payDate = "2026-01-30",
                payFrequency = "monthly",
                lines = new[] { new { employeeId = company.EmployeeId, grossWages = 200_000.00m } },
            });
            posted.IsSuccessStatusCode.ShouldBeTrue(await posted.Content.ReadAsStringAsync());
            var january = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var approved = await client.PostAsync($"/api/companies/{company.Id}/payrolls/{january}/approve", null);
            approved.IsSuccessStatusCode.ShouldBeTrue(await approved.Content.ReadAsStringAsync());
        }

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company.Id}/payrolls/new");
        _portal.SetDate("Period start", "2026-02-01");
        _portal.SetDate("Period end", "2026-02-28");
        _portal.SetDate("Pay date", "2026-02-27");
        _portal.Choose("Pay frequency", "Monthly");
        _portal.Choose(_portal.Field("Employee, line 1"), "Hopper, Grace");
        _portal.Field("Gross wages, line 1").SendKeys("5000");
        _portal.WaitUntil(() => _portal.PreviewCell(1, "netPay").StartsWith('$'), "line 1 shows its preview");

        // Medicare is 1.45 % of $5,000 plus 0.9 % Additional Medicare on all of it: $72.50 + $45.00.
        _portal.PreviewCell(1, "socialSecurity").ShouldBe("$0.00");
        _portal.PreviewCell(1, "medicare").ShouldBe("$117.50");
        var previewTax = _portal.PreviewCell(1, "federalIncomeTax");
        var previewNet = _portal.PreviewCell(1, "netPay");
        _portal.ClickButton("Create draft payroll");

        _portal.WaitForHeading("Payroll paid 2026-02-27");
        using var reader = fixture.App.CreateClient();
        var payrolls = await reader.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls?year=2026&month=2");
        var draft = payrolls.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("status").GetString() == "draft");
        var saved = await reader.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls/{draft.GetProperty("id").GetGuid()}");
        var line = saved.GetProperty("lines")[0];
        var withholdings = line.GetProperty("withholdings");
        withholdings.GetProperty("socialSecurity").GetDecimal().ShouldBe(0.00m);
        (withholdings.GetProperty("medicare").GetDecimal() + withholdings.GetProperty("additionalMedicare").GetDecimal()).ShouldBe(117.50m);
        Money(withholdings.GetProperty("federalIncomeTax").GetDecimal()).ShouldBe(previewTax);
        Money(line.GetProperty("netPay").GetDecimal()).ShouldBe(previewNet);
    });

    private static string Money(decimal amount) => amount.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
