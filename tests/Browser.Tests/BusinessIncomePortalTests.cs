using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;

namespace PayrollPortal.Browser.Tests;

/// <summary>
/// A kr company's business-income page (사업소득): a payee added in the form, a sheet pasted from a spreadsheet (a bad row is
/// refused before anything is sent), the sheet's figures as the API computed them, approval and the masked CSV.
/// </summary>
public sealed class BusinessIncomePortalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task KrCompany_WhenASheetIsPastedFromASpreadsheet_ShouldSaveApproveAndExportItWithTheApisFigures() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateKoreaCompanyAsync("freelance");
        using var client = fixture.App.CreateClient();
        foreach (var (name, rrn) in new[] { ("김하늘", "900101-1987654"), ("이바다", "850505-2345678") })
        {
            var created = await client.PostAsJsonAsync($"/api/companies/{company.Id}/business-income/payees",
                new { name, residentRegistrationNumber = rrn, residentType = "resident", businessTypeCode = "940909" });
            created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        }

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink(company.Name);
        _portal.WaitForHeading("Payrolls");
        _portal.ClickLink("사업소득 Business income");
        _portal.WaitForHeading("사업소득 Business income");

        // A payee added in the form: the number is shown by its last four digits only.
        _portal.Fill("Name 성명", "박새롬");
        _portal.Fill("Resident registration number 주민등록번호", "201015-3456781");
        _portal.ClickButton("Add payee");
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#bi-payees tbody tr")).Count == 3, "the new payee is listed");
        var payees = _portal.Driver.FindElement(By.Id("bi-payees")).Text;
        payees.ShouldContain("******-***6781");
        payees.ShouldNotContain("3456781");

        // Rows copied from a spreadsheet arrive tab-separated, with the header; one names nobody.
        _portal.SetDate("Pay date 지급일", "2026-03-10");
        Paste("성명\t지급액\n김하늘\t1,000,000\n이바다\t₩1,234,567\n6781\t33,333\nNobody\t100\n");
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#bi-preview tbody tr")).Count == 4, "the pasted rows are read");
        _portal.Driver.FindElement(By.CssSelector("#bi-preview tbody tr[data-row='5']")).Text.ShouldContain("No payee \"Nobody\"");
        _portal.ClickButton("Save draft sheet");
        _portal.WaitUntil(() => PasteError().Contains("Row 5", StringComparison.Ordinal), "the bad row is named");
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/business-income/sheets?year=2026")).GetArrayLength().ShouldBe(0);

        Paste("성명\t지급액\n김하늘\t1,000,000\n이바다\t₩1,234,567\n6781\t33,333\n");
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#bi-preview tbody tr")).Count == 3, "the corrected rows are read");
        _portal.ClickButton("Save draft sheet");
        _portal.WaitForHeading("Business-income sheet paid 2026-03-10");

        var sheets = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/business-income/sheets?year=2026");
        var sheet = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/business-income/sheets/{sheets[0].GetProperty("id").GetGuid()}");
        var lines = sheet.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("amount").GetInt64()).ShouldBe([1_000_000L, 1_234_567L, 33_333L]);
        lines[1].GetProperty("incomeTax").GetInt64().ShouldBe(37_030);
        foreach (var line in lines)
        {
            var row = _portal.Driver.FindElement(By.CssSelector($"#bi-lines tbody tr[data-payee='{line.GetProperty("payeeId").GetGuid()}']"));
            row.FindElement(By.CssSelector("[data-figure='incomeTax']")).Text.ShouldBe(Won(line.GetProperty("incomeTax").GetInt64()));
            row.FindElement(By.CssSelector("[data-figure='localIncomeTax']")).Text.ShouldBe(Won(line.GetProperty("localIncomeTax").GetInt64()));
            row.FindElement(By.CssSelector("[data-figure='netAmount']")).Text.ShouldBe(Won(line.GetProperty("netAmount").GetInt64()));
        }

        _portal.Driver.FindElement(By.Id("bi-total-income-tax")).Text.ShouldBe("₩68,020");
        _portal.Driver.FindElement(By.Id("bi-total-local-tax")).Text.ShouldBe("₩6,790");
        _portal.Driver.FindElement(By.Id("bi-total-net")).Text.ShouldBe("₩2,193,090");

        _portal.ClickButton("Approve sheet");
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector(".page-header .badge")).Any(b => b.Text == "Approved"), "the sheet shows as approved");
        _portal.ClickButton("Download CSV");
        var csv = File.ReadAllText(WaitForDownload("business-income-*.csv"));
        csv.ShouldContain("******-***7654");
        csv.ShouldNotContain("1987654");
        csv.ShouldNotContain("900101");
        csv.ShouldContain("37030");

        // Approved, the sheet reaches the quarter report: March's payees, amount and both taxes.
        _portal.Open($"#/c/{company.Id}/report?year=2026&quarter=1");
        _portal.WaitForHeading("Withholding report, Q1 2026");
        var march = _portal.WaitFor("#business-income-report tbody tr:nth-child(3)").FindElements(By.CssSelector("th, td")).Select(c => c.Text).ToList();
        march.ShouldBe(["March", "3", "₩2,267,900", "₩68,020", "₩6,790"]);
    });

    private void Paste(string text) =>
        _portal.Driver.ExecuteScript(
            "const t = document.querySelector('textarea[name=paste]'); t.value = arguments[0]; t.dispatchEvent(new Event('input', {bubbles: true}));", text);

    private string PasteError() =>
        (string)_portal.Driver.ExecuteScript(
            "const t = document.querySelector('textarea[name=paste]'); const id = t.getAttribute('aria-describedby').split(' ').pop(); return document.getElementById(id).textContent;")!;

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

    private static string Won(long amount) => "₩" + amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
