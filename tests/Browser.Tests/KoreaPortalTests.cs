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

    [Fact]
    public Task KrEditorGrid_WhenAmountsAreTypedAndPasted_ShouldShowTheServersDeductionsSaveAndApproveThemToTheWon() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateKoreaCompanyAsync("kr-grid");
        using var client = fixture.App.CreateClient();
        var hired = await client.PostAsJsonAsync($"/api/companies/{company.Id}/employees", new
        {
            firstName = "서연",
            lastName = "이",
            residentRegistrationNumber = "850505-2345678",
            hireDate = "2026-03-02",
            kr = new { dependents = 4, childrenAged8To20 = 2, withholdingRatio = 120 },
        });
        hired.IsSuccessStatusCode.ShouldBeTrue(await hired.Content.ReadAsStringAsync());
        var lee = (await hired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company.Id}/payrolls/new");
        _portal.WaitForHeading("New payroll");
        _portal.SetDate("Period start", "2026-10-01");
        _portal.SetDate("Period end", "2026-10-31");
        _portal.SetDate("Pay date", "2026-10-25");
        _portal.Field("Pay frequency").Enabled.ShouldBeFalse("a kr payroll is monthly");

        // Line 1 typed: 김민준, base pay 3,800,000 and 200,000 taxable allowances; 식대 left blank takes the profile's 200,000.
        _portal.Choose(_portal.Field("Employee, line 1"), "김, 민준");
        _portal.Field("기본급 Base pay, line 1").SendKeys("3,800,000");
        _portal.Field("과세수당 Taxable allowances, line 1").SendKeys("₩200,000");
        // A bad amount: its error shows beside the line's cells, and nothing is saved.
        var bonus = _portal.Field("상여 Bonus, line 1");
        bonus.SendKeys("12O,000");
        _portal.ClickButton("Create draft payroll");
        _portal.WaitFor("#payroll-grid tbody .field-error").Text.ShouldBe("상여 Bonus: Enter whole won, such as 3,800,000.");
        bonus.GetAttribute("aria-invalid").ShouldBe("true");
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls")).GetProperty("items").GetArrayLength().ShouldBe(0);
        bonus.Clear();

        // Line 2 pasted from a spreadsheet row: 이서연, base 4,500,000, bonus 500,000, 식대 250,000 (50,000 over the limit).
        Paste(_portal.Field("Employee, line 1"), "김민준\t3,800,000\t200,000\n이서연\t4500000\t0\t500000\t250000\t0\t0\n");
        _portal.WaitUntil(() => _portal.PreviewCell(2, "netPay").StartsWith('₩'), "line 2 shows its server-computed net pay");
        _portal.WaitUntil(() => _portal.PreviewCell(1, "incomeTax") == "₩195,960", "line 1 shows 근로소득세 for 4,000,000 taxable");
        _portal.Field("식대 Meals, line 1").GetAttribute("placeholder").ShouldBe("200,000", "the profile's meals the server applied");
        var shown = new[] { 1, 2 }.Select(line => Deductions.Select(d => d.Key).Append("netPay").ToDictionary(key => key, key => _portal.PreviewCell(line, key))).ToList();
        _portal.ClickButton("Create draft payroll");

        _portal.WaitForHeading("Payroll paid 2026-10-25");
        _portal.WaitFor(".badge-draft");
        _portal.ClickButton("Approve payroll");
        _portal.WaitFor(".badge-approved");

        var items = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls")).GetProperty("items");
        items.GetArrayLength().ShouldBe(1);
        var payroll = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls/{items[0].GetProperty("id").GetGuid()}");
        payroll.GetProperty("status").GetString().ShouldBe("approved");
        var lines = payroll.GetProperty("lines");
        lines.GetArrayLength().ShouldBe(2);
        var kim = lines.EnumerateArray().Single(l => l.GetProperty("employeeId").GetGuid() == company.EmployeeId);
        var leeLine = lines.EnumerateArray().Single(l => l.GetProperty("employeeId").GetGuid() == lee);

        // 김민준 is the README's and the reference's 4,000,000 example: pinned to the won.
        var kimKr = kim.GetProperty("kr");
        (kimKr.GetProperty("basePay").GetInt64(), kimKr.GetProperty("taxableAllowances").GetInt64(), kimKr.GetProperty("bonus").GetInt64()).ShouldBe((3_800_000L, 200_000L, 0L));
        (kimKr.GetProperty("nationalPension").GetInt64(), kimKr.GetProperty("healthInsurance").GetInt64(), kimKr.GetProperty("longTermCare").GetInt64(),
            kimKr.GetProperty("employmentInsurance").GetInt64(), kimKr.GetProperty("incomeTax").GetInt64(), kimKr.GetProperty("localIncomeTax").GetInt64())
            .ShouldBe((190_000L, 143_800L, 18_890L, 36_000L, 195_960L, 19_590L));
        kim.GetProperty("netPay").GetInt64().ShouldBe(3_595_760);

        // 이서연 equals the stateless preview API for the same inputs: 5,000,000 pay, 250,000 meals, 4 dependents, 2 children, 120 %.
        var leeKr = leeLine.GetProperty("kr");
        leeKr.GetProperty("nonTaxable").GetProperty("meals").GetInt64().ShouldBe(250_000);
        var calculated = await client.PostAsJsonAsync("/api/withholding/calculate", new
        {
            regime = "kr", payMonth = "2026-10", payDate = "2026-10-25", monthlyPay = 5_000_000, nonTaxable = new { meals = 250_000 },
            dependents = 4, childrenAged8To20 = 2, withholdingRatio = 120,
        });
        var expected = await calculated.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var (key, label) in Deductions)
        {
            leeKr.GetProperty(key).GetInt64().ShouldBe(expected.GetProperty(key).GetInt64(), label);
        }

        leeLine.GetProperty("netPay").GetInt64().ShouldBe(5_250_000 - expected.GetProperty("totalDeductions").GetInt64());

        // What the grid showed before saving is what was stored, to the won.
        foreach (var (line, stored) in new[] { (0, kim), (1, leeLine) })
        {
            foreach (var (key, label) in Deductions)
            {
                shown[line][key].ShouldBe(Won(stored.GetProperty("kr").GetProperty(key).GetInt64()), $"line {line + 1} {label}");
            }

            shown[line]["netPay"].ShouldBe(Won(stored.GetProperty("netPay").GetInt64()));
        }
    });

    [Fact]
    public Task KrEmployee_WhenEdited_ShouldShowErrorsBesideFieldsAndStoreTheNewProfileFromItsEffectiveDate() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateKoreaCompanyAsync("kr-edit");
        using var client = fixture.App.CreateClient();
        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company.Id}/employees/{company.EmployeeId}");
        _portal.WaitForHeading("민준 김");
        _portal.Field("공제대상가족 수 Dependents (the employee included)").GetAttribute("value").ShouldBe("1");

        _portal.Fill("공제대상가족 수 Dependents (the employee included)", "0");
        _portal.Choose("원천징수 비율 Withholding ratio", "80%");
        _portal.Fill("보육수당 Childcare (monthly, non-taxable)", "10만");
        _portal.SetDate("적용일 Profile effective date", "2026-11-01");
        var rrn = _portal.Field("주민등록번호 correction");
        rrn.GetAttribute("class")!.Split(' ').ShouldContain("masked");
        rrn.SendKeys("900101-1234560");

        // The portal's own check: an amount that is not whole won, beside its field; nothing is sent.
        _portal.ClickButton("Save changes");
        _portal.WaitUntil(() => FieldError("보육수당 Childcare (monthly, non-taxable)") == "Enter whole won, such as 200,000.", "the childcare error shows beside its field");
        // The server's check: 0 dependents is refused (400 kr.dependents), shown beside the field.
        _portal.Fill("보육수당 Childcare (monthly, non-taxable)", "100,000");
        _portal.ClickButton("Save changes");
        _portal.WaitUntil(() => FieldError("공제대상가족 수 Dependents (the employee included)").Length > 0, "the server's dependents error shows beside the field");
        _portal.Field("공제대상가족 수 Dependents (the employee included)").GetAttribute("aria-invalid").ShouldBe("true");
        var unchanged = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees/{company.EmployeeId}");
        unchanged.GetProperty("krHistory").GetArrayLength().ShouldBe(1);
        unchanged.GetProperty("ssnLast4").GetString().ShouldBe("4567");

        _portal.Fill("공제대상가족 수 Dependents (the employee included)", "3");
        _portal.ClickButton("Save changes");
        _portal.WaitUntil(() => _portal.HasVisible(By.LinkText("김, 민준")), "back on the employee list");
        _portal.Driver.FindElement(By.TagName("main")).Text.ShouldContain("******-***4560");
        _portal.Driver.PageSource.ShouldNotContain("1234560");

        var employee = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees/{company.EmployeeId}");
        employee.GetProperty("ssnLast4").GetString().ShouldBe("4560");
        var kr = employee.GetProperty("kr");
        (kr.GetProperty("dependents").GetInt32(), kr.GetProperty("withholdingRatio").GetInt32(), kr.GetProperty("effectiveDate").GetString())
            .ShouldBe((3, 80, "2026-11-01"));
        kr.GetProperty("nonTaxable").GetProperty("childcare").GetInt64().ShouldBe(100_000);
        kr.GetProperty("nonTaxable").GetProperty("meals").GetInt64().ShouldBe(200_000, "the unchanged meals stay in the new profile");
        employee.GetProperty("krHistory").EnumerateArray().Select(p => p.GetProperty("effectiveDate").GetString()).ShouldBe(["2026-01-02", "2026-11-01"]);

        // The employee page lists both profiles.
        _portal.ClickLink("김, 민준");
        _portal.WaitForHeading("민준 김");
        var history = _portal.Driver.FindElements(By.CssSelector("#kr-profile-history tbody tr")).Select(r => r.Text).ToList();
        history.Count.ShouldBe(2);
        history[1].ShouldStartWith("2026-11-01 3 0 80%");
    });

    /// <summary>The error text beside a labelled field (the control's last aria-describedby entry).</summary>
    private string FieldError(string label)
    {
        var id = _portal.Field(label).GetAttribute("aria-describedby")!.Split(' ')[^1];
        return _portal.Driver.FindElement(By.Id(id)).Text;
    }

    /// <summary>What a spreadsheet's Ctrl+V delivers: a paste event carrying tab-separated rows.</summary>
    private void Paste(IWebElement target, string text) =>
        _portal.Driver.ExecuteScript(
            "const data = new DataTransfer(); data.setData('text/plain', arguments[1]);" +
            "arguments[0].focus(); arguments[0].dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
            target, text);

    private static string Won(long amount) => "₩" + amount.ToString("#,##0", CultureInfo.InvariantCulture);
}
