using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;

namespace PayrollPortal.Browser.Tests;

/// <summary>
/// The import page: the templates, a file checked (every problem by row and column, nothing stored), fixed and checked
/// again, then imported; the same for opening balances.
/// </summary>
public sealed class ImportPortalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Header = "employeeNumber,firstName,lastName,ssn,hireDate,payFrequency,w4Version,filingStatus,payType,annualSalary";

    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task ImportPage_WhenAFileIsCheckedFixedAndImported_ShouldShowEachProblemThenHireTheRowsAndRecordTheirBalances() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("import");
        using var client = fixture.App.CreateClient();
        var folder = Directory.CreateTempSubdirectory("payroll-import-").FullName;
        var bad = Path.Combine(folder, "employees-bad.csv");
        var good = Path.Combine(folder, "employees.csv");
        await File.WriteAllTextAsync(bad, Header + "\nE-1,Ada,Lovelace,123-45-67,2026-01-05,monthly,2020,single,salary,78000\nE-2,=cmd,Babbage,234-56-7890,2026-13-01,monthly,2020,single,salary,52000\n");
        await File.WriteAllTextAsync(good, Header + "\nE-1,Ada,Lovelace,123-45-6781,2026-01-05,monthly,2020,single,salary,78000\nE-2,Charles,Babbage,234-56-7890,2026-02-02,monthly,2020,single,salary,52000\n");

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink(company.Name);
        _portal.WaitForHeading("Payrolls");
        _portal.ClickLink("Import");
        _portal.WaitForHeading("Import");
        var templates = _portal.Driver.FindElements(By.LinkText("Download CSV template")).Select(a => a.GetAttribute("href")).ToList();
        templates.Count.ShouldBe(2);
        templates[0].ShouldEndWith($"/api/companies/{company.Id}/employee-imports/template.csv");
        templates[1].ShouldEndWith($"/api/companies/{company.Id}/opening-balances/template.csv");

        // The check lists every problem by row and column; nothing is stored.
        _portal.Driver.FindElement(By.Id("employees-file")).SendKeys(bad);
        _portal.Driver.FindElement(By.Id("employees-check")).Click();
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#employees-problems tbody tr")).Count == 3, "the three problems are listed");
        var problems = _portal.Driver.FindElements(By.CssSelector("#employees-problems tbody tr"))
            .Select(r => (r.GetAttribute("data-row"), r.GetAttribute("data-column"))).ToList();
        problems.ShouldBe([("2", "ssn"), ("3", "firstName"), ("3", "hireDate")]);
        _portal.Driver.FindElement(By.Id("employees-result")).Text.ShouldNotContain("123-45-67");
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees")).GetProperty("items").GetArrayLength().ShouldBe(1, "only the fixture's employee");

        // Importing the bad file is refused with the same table; the fixed file checks clean, then imports.
        _portal.Driver.FindElement(By.Id("employees-commit")).Click();
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#employees-problems tbody tr")).Count == 3, "the refusal lists the same problems");
        var input = _portal.Driver.FindElement(By.Id("employees-file"));
        input.Clear();
        input.SendKeys(good);
        _portal.Driver.FindElement(By.Id("employees-check")).Click();
        _portal.WaitUntil(() => Text("employees-summary").Contains("2 to hire", StringComparison.Ordinal), "the fixed file checks clean");
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees")).GetProperty("items").GetArrayLength().ShouldBe(1, "a check stores nothing");
        _portal.Driver.FindElement(By.Id("employees-commit")).Click();
        _portal.WaitUntil(() => Text("employees-summary").StartsWith("Imported: 2 hired", StringComparison.Ordinal), "the import reports its counts");
        var employees = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees")).GetProperty("items").EnumerateArray().ToList();
        employees.Select(e => e.GetProperty("employeeNumber").GetString()).Where(n => n is not null).ShouldBe(["E-1", "E-2"], ignoreOrder: true);

        // Opening balances for Ada: a row with a wrong amount first, then the fixed file.
        var ada = employees.Single(e => e.GetProperty("employeeNumber").GetString() == "E-1").GetProperty("id").GetGuid();
        const string balanceHeader = "employeeId,taxYear,asOf,period,wages,socialSecurityWages,medicareWages,federalIncomeTax,socialSecurity,medicare,additionalMedicare,supplementalWages";
        var badBalances = Path.Combine(folder, "balances-bad.csv");
        var balances = Path.Combine(folder, "balances.csv");
        await File.WriteAllTextAsync(badBalances, $"{balanceHeader}\n{ada},2026,2026-05-31,2026-05,6500.00,6500.00,6500.00,900.00,403.00,94.25,0,abc\n");
        await File.WriteAllTextAsync(balances, $"{balanceHeader}\n{ada},2026,2026-05-31,2026-05,6500.00,6500.00,6500.00,900.00,403.00,94.25,0,0\n");
        _portal.Driver.FindElement(By.Id("balances-file")).SendKeys(badBalances);
        _portal.Driver.FindElement(By.Id("balances-check")).Click();
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#balances-problems tbody tr[data-row='2'][data-column='supplementalWages']")).Count == 1,
            "the bad amount is named by row and column");
        var balanceInput = _portal.Driver.FindElement(By.Id("balances-file"));
        balanceInput.Clear();
        balanceInput.SendKeys(balances);
        _portal.Driver.FindElement(By.Id("balances-commit")).Click();
        _portal.WaitUntil(() => Text("balances-summary").StartsWith("Recorded 1", StringComparison.Ordinal), "the balance is recorded");
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/withholding?year=2026&quarter=2");
        report.GetProperty("carriedIn").GetProperty("wages").GetDecimal().ShouldBe(6_500.00m);
    });

    private string Text(string id) => _portal.Driver.FindElements(By.Id(id)).FirstOrDefault()?.Text ?? string.Empty;
}
