using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;

namespace PayrollPortal.Browser.Tests;

/// <summary>
/// Issue 22 in the portal: a schedule's periods, "Start payroll" with hours typed and pasted from a spreadsheet, the
/// generated draft with its hours and proration, approving it, and the employee page's number, schedule and compensation.
/// </summary>
public sealed class PayRunPortalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task StartPayroll_WithTypedAndPastedHours_ShouldOpenTheDraftWithHoursAndProrationToTheCentAndApproveIt() => _portal.RunAsync(async () =>
    {
        // A monthly schedule paid the day the period ends: January 31, 2026 is a Saturday, so the pay date is Friday the 30th.
        // Grace (salary 78,000: 6,500.00 a month), Mia hired Monday January 19 (10 of January's 22 weekdays), and two
        // hourly employees whose hours the clerk enters.
        var company = await fixture.CreateCompanyAsync("run");
        using var client = fixture.App.CreateClient();
        var schedule = await PostAsync(client, $"/api/companies/{company.Id}/pay-schedules",
            new { name = "Monthly", frequency = "monthly", firstPeriodStart = "2026-01-01", payDateOffsetDays = 0 });
        var scheduleId = schedule.GetProperty("id").GetGuid();
        await PatchAsync(client, $"/api/companies/{company.Id}/employees/{company.EmployeeId}", new { employeeNumber = "E-100", payScheduleId = scheduleId });
        await Compensation(client, company.Id, company.EmployeeId, new { effectiveFrom = "2025-01-01", payType = "salary", annualSalary = 78_000.00m });
        var mia = await Hire(client, company.Id, scheduleId, "Mia", "Chen", "E-103", "2026-01-19", "123-45-0103");
        await Compensation(client, company.Id, mia, new { effectiveFrom = "2026-01-19", payType = "salary", annualSalary = 78_000.00m });
        var ana = await Hire(client, company.Id, scheduleId, "Ana", "Diaz", "E-201", "2025-06-02", "123-45-0201");
        await Compensation(client, company.Id, ana, new { effectiveFrom = "2025-06-02", payType = "hourly", hourlyRate = 25.50m });
        var ben = await Hire(client, company.Id, scheduleId, "Ben", "Okafor", "E-202", "2025-06-02", "123-45-0202");
        await Compensation(client, company.Id, ben, new { effectiveFrom = "2025-06-02", payType = "hourly", hourlyRate = 20.00m });

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink(company.Name);
        _portal.ClickLink("Pay schedules");
        _portal.WaitForHeading("Pay schedules");
        _portal.ClickLink("Monthly");
        _portal.WaitForHeading("Monthly");
        var january = PeriodRow("2026-01-01");
        january.Text.ShouldContain("2026-01-01 – 2026-01-31");
        january.Text.ShouldContain("2026-01-30");
        january.Text.ShouldContain("Not started");
        january.FindElement(By.LinkText("Start payroll")).Click();

        _portal.WaitForHeading("Start payroll: 2026-01-01 – 2026-01-31");
        _portal.Driver.FindElements(By.CssSelector("#hours-grid tbody tr")).Count.ShouldBe(2, "only the hourly employees need hours");
        var also = _portal.Driver.FindElement(By.TagName("main")).Text;
        also.ShouldContain("Also paid from their records:");
        also.ShouldContain("Grace Hopper");
        also.ShouldContain("Mia Chen");

        // Nothing entered: the server names the hourly employees still missing hours, beside the grid.
        _portal.ClickButton("Start payroll");
        var missing = _portal.WaitFor("#hours-grid").FindElement(By.XPath("ancestor::div[@data-field='hours']"));
        _portal.WaitUntil(() => ErrorOf(missing).Contains("Diaz", StringComparison.Ordinal), "the missing hours are named beside the grid");
        ErrorOf(missing).ShouldContain("Okafor");

        // Ana typed; Ben pasted from a spreadsheet with its header row, and a row for a number nobody on the run has. An
        // absurd 1,000 hours (more than 24 a day of January) is the server's error, shown on Ben's row.
        _portal.Fill("Regular hours, Ana Diaz", "160");
        _portal.Fill("Overtime hours, Ana Diaz", "5");
        Paste(_portal.Field("Regular hours, Ana Diaz"), "Employee number\tRegular\tOvertime\nE-202\t1,000\t2.25\nE-999\t8\t0\n");
        _portal.Field("Regular hours, Ben Okafor").GetAttribute("value").ShouldBe("1,000");
        _portal.Field("Overtime hours, Ben Okafor").GetAttribute("value").ShouldBe("2.25");
        _portal.Field("Regular hours, Ana Diaz").GetAttribute("value").ShouldBe("160", "a pasted row fills the row it names, not the focused one");
        _portal.Driver.FindElement(By.TagName("main")).Text.ShouldContain("No hourly employee on this run has the number or name: E-999");
        _portal.ClickButton("Start payroll");
        _portal.FieldError("Regular hours, Ben Okafor").Text.ShouldContain("Regular hours: regularHours must be from 0 to 744");
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls?year=2026&month=1")).GetProperty("items").GetArrayLength()
            .ShouldBe(0, "a refused run stores nothing");

        Paste(_portal.Field("Regular hours, Ben Okafor"), "E-202\t150.5\t2.25\n");
        _portal.ClickButton("Start payroll");

        // The generated draft: 160 × 25.50 + 5 × 1.5 × 25.50 = 4,271.25; 150.5 × 20 + 2.25 × 1.5 × 20 = 3,077.50; Grace's
        // 6,500.00; Mia's 6,500 × 10/22 = 2,954.545… = 2,954.55.
        _portal.WaitForHeading("Payroll paid 2026-01-30");
        var payrollId = Guid.Parse(_portal.Driver.Url.Split('/').Last());
        var payroll = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls/{payrollId}");
        payroll.GetProperty("status").GetString().ShouldBe("draft");
        payroll.GetProperty("payScheduleId").GetGuid().ShouldBe(scheduleId);
        var expected = new Dictionary<string, (decimal Gross, string Earnings)>
        {
            ["Ana Diaz"] = (4_271.25m, "160 h × $25.50 · 5 h overtime × 1.5 × $25.50"),
            ["Ben Okafor"] = (3_077.50m, "150.5 h × $20.00 · 2.25 h overtime × 1.5 × $20.00"),
            ["Grace Hopper"] = (6_500.00m, "Salary"),
            ["Mia Chen"] = (2_954.55m, "Salary · 10/22 weekdays (0.454545)"),
        };
        var lines = payroll.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("employeeName").GetString()!);
        lines.Keys.Order().ShouldBe(expected.Keys.Order());
        foreach (var (name, (gross, earnings)) in expected)
        {
            var line = lines[name];
            line.GetProperty("grossWages").GetDecimal().ShouldBe(gross, name);
            var row = LineRow(name);
            row.FindElement(By.CssSelector(".earnings")).Text.ShouldBe(earnings, name);
            var cells = row.FindElements(By.TagName("td")).Select(c => c.Text).ToList();
            cells[0].ShouldBe(Usd(gross), name);
            cells[^1].ShouldBe(Usd(line.GetProperty("netPay").GetDecimal()), name);
        }

        var mias = lines["Mia Chen"].GetProperty("earnings");
        (mias.GetProperty("daysEmployed").GetInt32(), mias.GetProperty("daysInPeriod").GetInt32(), mias.GetProperty("prorationBasis").GetString())
            .ShouldBe((10, 22, "weekdays"));
        lines["Ben Okafor"].GetProperty("earnings").GetProperty("regularHours").GetDecimal().ShouldBe(150.5m);

        _portal.ClickButton("Approve payroll");
        _portal.WaitUntil(() => _portal.Driver.FindElement(By.CssSelector(".page-header .badge")).Text == "Approved", "the payroll shows as approved");
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls/{payrollId}")).GetProperty("status").GetString().ShouldBe("approved");

        // Back on the schedule, January is approved and links to its payroll; the next period to run is February.
        _portal.ClickLink("Its periods");
        _portal.WaitForHeading("Monthly");
        PeriodRow("2026-01-01").Text.ShouldContain("Approved");
        PeriodRow("2026-01-01").FindElement(By.LinkText("Open payroll")).GetAttribute("href")!.ShouldEndWith($"/payrolls/{payrollId}");
        _portal.Open($"#/c/{company.Id}/schedules/{scheduleId}");
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#schedule-periods tbody tr")).FirstOrDefault()?.GetAttribute("data-period-start") == "2026-02-01",
            "the schedule lists February first");

        // February opened here while another clerk starts it through the API: the 409 links to their payroll.
        PeriodRow("2026-02-01").FindElement(By.LinkText("Start payroll")).Click();
        _portal.WaitForHeading("Start payroll: 2026-02-01 – 2026-02-28");
        var theirs = await PostAsync(client, $"/api/companies/{company.Id}/pay-schedules/{scheduleId}/runs", new
        {
            periodStart = "2026-02-01",
            hours = new[] { new { employeeId = ana, regularHours = 150m, overtimeHours = 0m }, new { employeeId = ben, regularHours = 150m, overtimeHours = 0m } },
        });
        _portal.ClickButton("Start payroll");
        var other = _portal.Wait.Until(d => d.FindElements(By.LinkText("Open that payroll")).FirstOrDefault(a => a.Displayed));
        other.GetAttribute("href")!.ShouldEndWith($"/payrolls/{theirs.GetProperty("id").GetGuid()}");
        _portal.Driver.FindElement(By.CssSelector("form .alert")).Text.ShouldContain("already has payroll");
    });

    [Fact]
    public Task EmployeePage_ShouldCreateAScheduleAssignNumberAndScheduleAndAddCompensationWithErrorsBesideTheirFields() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("comp");
        using var client = fixture.App.CreateClient();
        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");

        // A monthly schedule paid on the 25th: January 25, 2026 is a Sunday, so January is paid Friday the 23rd.
        _portal.Open($"#/c/{company.Id}/schedules");
        _portal.WaitForHeading("Pay schedules");
        _portal.Fill("Schedule name", "Paid on the 25th");
        _portal.Choose("Frequency", "Monthly");
        _portal.SetDate("First period starts", "2026-01-01");
        _portal.Choose("Pay date", "A fixed day of the month");
        _portal.Fill("Pay day of the month", "25");
        _portal.ClickButton("Add schedule");
        _portal.WaitForHeading("Paid on the 25th");
        PeriodRow("2026-01-01").Text.ShouldContain("2026-01-23");
        PeriodRow("2026-02-01").Text.ShouldContain("2026-02-25");
        var schedules = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/pay-schedules")).GetProperty("items");
        var schedule = schedules.EnumerateArray().Single();
        (schedule.GetProperty("frequency").GetString(), schedule.GetProperty("payDayOfMonth").GetInt32()).ShouldBe(("monthly", 25));

        // The employee's number and schedule.
        _portal.Open($"#/c/{company.Id}/employees/{company.EmployeeId}");
        _portal.WaitForHeading("Grace Hopper");
        _portal.Fill("Employee number", "E-100");
        _portal.Choose("Pay schedule", "Paid on the 25th");
        _portal.ClickButton("Save changes");
        _portal.WaitForHeading("Employees");
        _portal.WaitFor("main table").Text.ShouldContain("E-100");
        var grace = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees/{company.EmployeeId}");
        grace.GetProperty("employeeNumber").GetString().ShouldBe("E-100");
        grace.GetProperty("payScheduleId").GetGuid().ShouldBe(schedule.GetProperty("id").GetGuid());

        // Compensation: none yet; a typo is caught before sending, a negative rate is the server's error, both beside Hourly rate.
        _portal.Open($"#/c/{company.Id}/employees/{company.EmployeeId}");
        _portal.WaitForHeading("Grace Hopper");
        _portal.Driver.FindElement(By.TagName("main")).Text.ShouldContain("No compensation recorded yet");
        _portal.SetDate("Effective from", "2026-01-01");
        _portal.Choose("Pay type", "Hourly");
        _portal.Fill("Hourly rate", "31,25x");
        _portal.ClickButton("Add record");
        _portal.FieldError("Hourly rate").Text.ShouldBe("Enter an amount such as 1234.50.");
        _portal.Fill("Hourly rate", "-5");
        _portal.ClickButton("Add record");
        _portal.WaitUntil(() => _portal.FieldError("Hourly rate").Text.Length > 0 && _portal.FieldError("Hourly rate").Text != "Enter an amount such as 1234.50.",
            "the server's error shows beside Hourly rate");
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees/{company.EmployeeId}/compensation")).GetProperty("items")
            .GetArrayLength().ShouldBe(0);

        _portal.Fill("Hourly rate", "31.25");
        _portal.Fill("Pre-tax retirement (% of gross)", "4");
        _portal.ClickButton("Add record");
        _portal.WaitUntil(() => _portal.HasVisible(By.Id("compensation-history")), "the history lists the record");
        var row = _portal.Driver.FindElement(By.CssSelector("#compensation-history tbody tr")).Text;
        row.ShouldContain("2026-01-01");
        row.ShouldContain("$31.25 an hour");
        row.ShouldContain("4%");
        var stored = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees/{company.EmployeeId}/compensation")).GetProperty("items");
        var record = stored.EnumerateArray().Single();
        (record.GetProperty("payType").GetString(), record.GetProperty("hourlyRate").GetDecimal(), record.GetProperty("retirementPercent").GetDecimal())
            .ShouldBe(("hourly", 31.25m, 4m));
    });

    [Fact]
    public Task KrRun_ForAMidMonthHire_ShouldShowCalendarDayProrationAndTheAcquisitionMonthInWords() => _portal.RunAsync(async () =>
    {
        // 민준 (profile 식대 200,000) earns 3,000,000 a month and joined on March 17: 15 of March's 31 days.
        var company = await fixture.CreateKoreaCompanyAsync("krrun");
        using var client = fixture.App.CreateClient();
        var schedule = await PostAsync(client, $"/api/companies/{company.Id}/pay-schedules",
            new { name = "매월 25일", frequency = "monthly", firstPeriodStart = "2026-03-01", payDayOfMonth = 25, payInNextMonth = false });
        var scheduleId = schedule.GetProperty("id").GetGuid();
        await PatchAsync(client, $"/api/companies/{company.Id}/employees/{company.EmployeeId}", new { hireDate = "2026-03-17", payScheduleId = scheduleId });
        await Compensation(client, company.Id, company.EmployeeId, new { effectiveFrom = "2026-03-17", payType = "monthly", monthlyBase = 3_000_000, taxableAllowances = 0 });

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.Open($"#/c/{company.Id}/schedules/{scheduleId}");
        _portal.WaitForHeading("매월 25일");
        PeriodRow("2026-03-01").Text.ShouldContain("2026-03-25");
        PeriodRow("2026-03-01").FindElement(By.LinkText("Start payroll")).Click();
        _portal.WaitForHeading("Start payroll: 2026-03-01 – 2026-03-31");
        _portal.Driver.FindElement(By.TagName("main")).Text.ShouldContain("No hourly employees are paid in this period");
        _portal.ClickButton("Start payroll");

        _portal.WaitForHeading("Payroll paid 2026-03-25");
        var payrollId = Guid.Parse(_portal.Driver.Url.Split('/').Last());
        var line = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls/{payrollId}")).GetProperty("lines")[0];
        line.GetProperty("earnings").GetProperty("insuranceMonth").GetString().ShouldBe("acquisition_month");
        var row = LineRow("민준 김");
        row.FindElement(By.CssSelector(".earnings")).Text.ShouldBe(
            "일할계산 15/31 calendar days (0.483871) · 취득월 Month of joining: 국민연금 and 건강보험 start the month after (this month only when joined on the 1st)");
        var kr = line.GetProperty("kr");
        var headers = _portal.Driver.FindElements(By.CssSelector("#payroll-lines thead th")).Select(th => th.Text.Replace('\n', ' ')).ToList();
        var cells = row.FindElements(By.CssSelector("th, td")).Select(c => c.Text).ToList();
        cells[headers.IndexOf("기본급 Base pay")].ShouldBe(Won(kr.GetProperty("basePay").GetInt64()));
        cells[headers.IndexOf("국민연금 National pension")].ShouldBe(Won(kr.GetProperty("nationalPension").GetInt64()));
        // 3,000,000 × 15/31 = 1,451,612.9…, truncated to the won.
        kr.GetProperty("basePay").GetInt64().ShouldBe(1_451_612);
        kr.GetProperty("nationalPension").GetInt64().ShouldBe(0, "no pension in the month of joining after the 1st");
    });

    private IWebElement PeriodRow(string periodStart) =>
        _portal.Wait.Until(d => d.FindElements(By.CssSelector($"#schedule-periods tbody tr[data-period-start='{periodStart}']")).FirstOrDefault());

    private IWebElement LineRow(string name) =>
        _portal.Wait.Until(d => d.FindElements(By.CssSelector("#payroll-lines tbody tr")).FirstOrDefault(r => r.FindElement(By.TagName("th")).Text.StartsWith(name, StringComparison.Ordinal)));

    private string ErrorOf(IWebElement control)
    {
        var id = control.GetAttribute("aria-describedby")!.Split(' ').Last();
        return _portal.Driver.FindElement(By.Id(id)).Text;
    }

    /// <summary>What a spreadsheet's Ctrl+V delivers: a paste event carrying tab-separated rows.</summary>
    private void Paste(IWebElement target, string text) =>
        _portal.Driver.ExecuteScript(
            "const data = new DataTransfer(); data.setData('text/plain', arguments[1]);" +
            "arguments[0].focus(); arguments[0].dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
            target, text);

    private static async Task<Guid> Hire(HttpClient client, Guid companyId, Guid scheduleId, string first, string last, string number, string hired, string ssn) =>
        (await PostAsync(client, $"/api/companies/{companyId}/employees", new
        {
            firstName = first,
            lastName = last,
            ssn,
            hireDate = hired,
            employeeNumber = number,
            payScheduleId = scheduleId,
            w4 = new { version = "2020", filingStatus = "single" },
        })).GetProperty("id").GetGuid();

    private static Task<JsonElement> Compensation(HttpClient client, Guid companyId, Guid employeeId, object record) =>
        PostAsync(client, $"/api/companies/{companyId}/employees/{employeeId}/compensation", record);

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task PatchAsync(HttpClient client, string path, object body)
    {
        var response = await client.PatchAsJsonAsync(path, body);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    private static string Usd(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);

    private static string Won(long amount) => "₩" + amount.ToString("#,##0", CultureInfo.InvariantCulture);
}
