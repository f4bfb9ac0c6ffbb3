using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Browser.Tests;

/// <summary>"My payslips" for the employee role, and the payroll page's payslip links, in headless Chromium.</summary>
public sealed class PayslipPortalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task Employee_ShouldLandOnMyPayslipsOpenOneAndDownloadItsPdf() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("payslips");
        var payrollId = await fixture.CreateDraftPayrollAsync(company);
        using var admin = fixture.App.CreateClient();
        var approved = await admin.PostAsync($"/api/companies/{company.Id}/payrolls/{payrollId}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var netPay = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines")[0].GetProperty("netPay").GetDecimal();
        var email = $"grace-{Guid.NewGuid():N}@portal.test";
        const string Password = "Correct horse battery staple 42";
        (await admin.PostAsJsonAsync($"/api/companies/{company.Id}/users", new { email, role = "employee", employeeId = company.EmployeeId, password = Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        _portal.SignIn(email, Password);
        _portal.WaitForHeading("My payslips");
        var row = _portal.WaitFor("table tbody tr");
        row.Text.ShouldContain("2026-01-30");
        row.Text.ShouldContain(company.Name);
        row.Text.ShouldContain(netPay.ToString("#,##0.00", CultureInfo.InvariantCulture) + " USD");

        _portal.ClickLink("2026-01-30");
        _portal.WaitForHeading("Payslip paid 2026-01-30");
        var table = _portal.WaitFor("table.payslip");
        table.Text.ShouldContain("Federal income tax");
        _portal.Driver.FindElement(By.CssSelector("table.payslip tr.net")).Text.ShouldContain(netPay.ToString("#,##0.00", CultureInfo.InvariantCulture));

        _portal.ClickLink("Download PDF");
        var file = WaitForDownload("*.pdf");
        Path.GetFileName(file).ShouldBe("2026-01-30_Grace_Hopper.pdf");
        PdfText.Read(await File.ReadAllBytesAsync(file)).LineOf("Employee").ShouldBe("Employee Grace Hopper");

        // The staff pages are not hers: the company's payrolls answer "not allowed" in the portal.
        _portal.Open($"#/c/{company.Id}/payrolls");
        _portal.WaitForHeading("Something went wrong");
    });

    [Fact]
    public Task PayrollPage_ShouldLinkEachLinesPayslipAndMarkADraftsAsAPreview() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("payslip-links");
        var payrollId = await fixture.CreateDraftPayrollAsync(company);

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company.Id}/payrolls/{payrollId}");
        _portal.WaitForHeading("Payroll paid 2026-01-30");
        var draftLink = _portal.Wait.Until(d => d.FindElements(By.PartialLinkText("Payslip preview (PDF, DRAFT)")).FirstOrDefault(a => a.Displayed));
        draftLink.GetAttribute("href").ShouldEndWith($"/api/companies/{company.Id}/payrolls/{payrollId}/payslips/{company.EmployeeId}.pdf?preview=true");

        _portal.ClickButton("Approve payroll");
        var link = _portal.Wait.Until(d => d.FindElements(By.LinkText("Payslip (PDF)")).FirstOrDefault(a => a.Displayed));
        link.GetAttribute("href").ShouldEndWith($"/api/companies/{company.Id}/payrolls/{payrollId}/payslips/{company.EmployeeId}.pdf");
        _portal.Driver.FindElement(By.LinkText("All payslips (ZIP)")).GetAttribute("href").ShouldEndWith($"/payrolls/{payrollId}/payslips.zip");
        _portal.Driver.FindElement(By.CssSelector("section.payslips")).Text.ShouldContain("Grace Hopper");
    });

    private string WaitForDownload(string pattern)
    {
        string? found = null;
        _portal.WaitUntil(() =>
        {
            found = Directory.GetFiles(fixture.DownloadDirectory, pattern).FirstOrDefault(f => new FileInfo(f).Length > 0);
            return found is not null;
        }, $"a {pattern} file is downloaded");
        return found!;
    }
}
