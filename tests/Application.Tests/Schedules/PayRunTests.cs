using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Calendars;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Schedules;

/// <summary>Schedules, compensation and starting a period, through the real pipeline on both databases.</summary>
public sealed class PayRunTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Periods_ShouldMovePayDatesOffWeekendsAndHolidays(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await app.SendAsync<Result<HolidaysDto>>(new ReplaceHolidays(company.Id, [new HolidayRequest(new DateOnly(2026, 1, 22), "Company day")]));
        var biweekly = await ScheduleAsync(app, company.Id, "Biweekly", "biweekly", new DateOnly(2026, 1, 4), offset: 5);
        var weekend = await ScheduleAsync(app, company.Id, "Weekend offset", "weekly", new DateOnly(2026, 1, 4), offset: 7);
        var monthly = await ScheduleAsync(app, company.Id, "Monthly 31st", "monthly", new DateOnly(2026, 1, 1), payDay: 31);
        var semimonthly = await ScheduleAsync(app, company.Id, "Semimonthly", "semimonthly", new DateOnly(2026, 1, 16), offset: 0);
        var nextMonth = await ScheduleAsync(app, company.Id, "Tenth next month", "monthly", new DateOnly(2026, 1, 1), payDay: 10, nextMonth: true);

        var b = await PeriodsAsync(app, company.Id, biweekly.Id, 2);
        var w = await PeriodsAsync(app, company.Id, weekend.Id, 1);
        var m = await PeriodsAsync(app, company.Id, monthly.Id, 2);
        var s = await PeriodsAsync(app, company.Id, semimonthly.Id, 3);
        var n = await PeriodsAsync(app, company.Id, nextMonth.Id, 1);

        // 2026-01-22 (Thursday) is the company's holiday: the Wednesday before. The next pays 2026-02-05, a Thursday.
        b.Select(p => (p.PeriodStart, p.PeriodEnd, p.PayDate, p.Status)).ShouldBe(
        [
            (new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 17), new DateOnly(2026, 1, 21), "none"),
            (new DateOnly(2026, 1, 18), new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 5), "none"),
        ]);
        w[0].PayDate.ShouldBe(new DateOnly(2026, 1, 16), "2026-01-17 is a Saturday: the Friday before");
        m.Select(p => p.PayDate).ShouldBe([new DateOnly(2026, 1, 30), new DateOnly(2026, 2, 27)], "31 is the last day; Jan 31 and Feb 28 2026 are Saturdays");
        s.Select(p => (p.PeriodStart, p.PeriodEnd)).ShouldBe(
        [
            (new DateOnly(2026, 1, 16), new DateOnly(2026, 1, 31)),
            (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 15)),
            (new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 28)),
        ]);
        s.Select(p => p.PayDate).ShouldBe([new DateOnly(2026, 1, 30), new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 27)]);
        n[0].PayDate.ShouldBe(new DateOnly(2026, 2, 10));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StartPayRun_ShouldPaySalariedHourlyAndProratedLinesToTheCent(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var schedule = await ScheduleAsync(app, company.Id, "Biweekly", "biweekly", new DateOnly(2026, 1, 4), offset: 5);
        var ada = await HireAsync(app, company.Id, schedule.Id, "123-45-6789", "Ada", "E-001", new DateOnly(2025, 6, 1), null);
        var bob = await HireAsync(app, company.Id, schedule.Id, "234-56-7890", "Bob", "E-002", new DateOnly(2026, 1, 7), null);
        var cy = await HireAsync(app, company.Id, schedule.Id, "345-67-8901", "Cy", "E-003", new DateOnly(2025, 6, 1), new DateOnly(2026, 1, 13));
        var dee = await HireAsync(app, company.Id, schedule.Id, "456-78-9012", "Dee", "E-004", new DateOnly(2025, 6, 1), null);
        await HireAsync(app, company.Id, schedule.Id, "567-89-0123", "Gone", "E-005", new DateOnly(2025, 6, 1), new DateOnly(2025, 12, 31));
        foreach (var salaried in new[] { ada, bob, cy })
        {
            (await CompensateAsync(app, company.Id, salaried, new { payType = "salary", annualSalary = 78_000.00m, retirementPercent = 5m })).IsSuccess.ShouldBeTrue();
        }

        (await CompensateAsync(app, company.Id, dee, new { payType = "hourly", hourlyRate = 25.50m })).IsSuccess.ShouldBeTrue();

        var noHours = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, null, null));
        var run = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, null, [new HoursRow(null, "E-004", 80m, 4.5m)]));
        var again = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, new DateOnly(2026, 1, 4), [new HoursRow(dee, null, 80m, 0m)]));
        var periods = await PeriodsAsync(app, company.Id, schedule.Id, 2, from: new DateOnly(2026, 1, 4));

        noHours.Errors.ShouldHaveSingleItem().Code.ShouldBe("run.hours_required");
        noHours.Errors[0].Message.ShouldContain("Dee Lovelace (E-004)");
        run.IsSuccess.ShouldBeTrue(string.Join("; ", run.Errors));
        run.Value!.PeriodStart.ShouldBe(new DateOnly(2026, 1, 4));
        run.Value.LineCount.ShouldBe(4, "the employee who left before the period gets no line");
        var payroll = (await app.SendAsync<Result<PayrollDto>>(new GetPayroll(company.Id, run.Value.Id))).Value!;
        var byName = payroll.Lines.ToDictionary(l => l.EmployeeName.Split(' ')[0]);
        byName["Ada"].GrossWages.ShouldBe(3_000.00m, "78,000 / 26");
        byName["Ada"].Earnings!.ProrationFactor.ShouldBeNull();
        byName["Bob"].GrossWages.ShouldBe(2_400.00m, "hired Wednesday 2026-01-07: 8 of the period's 10 weekdays");
        (byName["Bob"].Earnings!.DaysEmployed, byName["Bob"].Earnings!.DaysInPeriod, byName["Bob"].Earnings!.ProrationFactor).ShouldBe((8, 10, 0.8m));
        byName["Cy"].GrossWages.ShouldBe(2_100.00m, "terminated Tuesday 2026-01-13: 7 of 10 weekdays");
        byName["Dee"].GrossWages.ShouldBe(2_212.13m, "80 x 25.50 + 4.5 x 25.50 x 1.5 = 2,212.125, half away from zero");
        (byName["Dee"].Earnings!.RegularHours, byName["Dee"].Earnings!.OvertimeHours, byName["Dee"].Earnings!.HourlyRate).ShouldBe((80m, 4.5m, 25.50m));
        payroll.PayScheduleId.ShouldBe(schedule.Id);
        again.Errors.ShouldHaveSingleItem().Code.ShouldBe("run.period_started");
        again.Errors[0].Message.ShouldContain(run.Value.Id.ToString());
        periods.Select(p => (p.Status, p.PayrollId)).ShouldBe([("draft", (Guid?)run.Value.Id), ("none", null)]);

        var approved = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, run.Value.Id));
        approved.IsSuccess.ShouldBeTrue(string.Join("; ", approved.Errors));
        (await PeriodsAsync(app, company.Id, schedule.Id, 1, from: new DateOnly(2026, 1, 4)))[0].Status.ShouldBe("approved");
        var next = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, null, [new HoursRow(dee, null, 40m, null)]));
        next.Value!.PeriodStart.ShouldBe(new DateOnly(2026, 1, 18), "the first period without a draft or approved payroll");
        next.Value.LineCount.ShouldBe(3, "Cy left before the second period");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StartPayRun_InPages_ShouldNumberMatchAndTotalAcrossPagesAndStoreNothingWhenALaterPageFails(DatabaseProvider provider)
    {
        // Two employees a page: Ann and Ben, Cat and Dan, then Eve (name order), so hours rows and errors cross pages.
        await using var app = await PayrollApp.StartAsync(provider, services: s => s.AddSingleton(new PayRunOptions { PageSize = 2 }));
        var company = await app.CompanyAsync("acme");
        var schedule = await ScheduleAsync(app, company.Id, "Biweekly", "biweekly", new DateOnly(2026, 1, 4), offset: 5);
        var ids = new Dictionary<string, Guid>();
        foreach (var (name, ssn, number) in new[] { ("Eve", "123-45-6785", "E-5"), ("Cat", "123-45-6783", "E-3"), ("Ann", "123-45-6781", "E-1"), ("Dan", "123-45-6784", "E-4"), ("Ben", "123-45-6782", "E-2") })
        {
            ids[name] = await HireAsync(app, company.Id, schedule.Id, ssn, name, number, new DateOnly(2025, 6, 1), null);
            var hourly = name is "Ben" or "Dan";
            (await CompensateAsync(app, company.Id, ids[name], hourly ? new { payType = "hourly", hourlyRate = 20.00m } : new { payType = "salary", annualSalary = 52_000.00m })).IsSuccess.ShouldBeTrue();
        }

        var refused = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, null,
        [
            new HoursRow(null, "e-4", 80m, 0m),     // Dan on page 2, by number in another case: fine
            new HoursRow(ids["Eve"], null, 8m, 0m), // Eve (page 3) is salaried
            new HoursRow(null, "E-9", 8m, 0m),      // nobody
            new HoursRow(ids["Ben"], null, -1m, 0m), // Ben (page 1): negative hours
        ]));
        refused.Errors.Select(e => (e.Code, e.Field)).ShouldBe(
        [
            ("run.hours_not_hourly", "hours[1].employeeId"),
            ("run.hours_employee_not_in_run", "hours[2].employeeNumber"),
            ("run.hours_out_of_range", "hours[3].regularHours"),
        ], "every bad row, in row order, wherever its employee's page came");

        // A line that fails on the last page, after two pages were stored: nothing of the run remains.
        (await CompensateAsync(app, company.Id, ids["Eve"], new { payType = "salary", annualSalary = 52_000.00m, postTaxDeductions = 5_000.00m })).IsSuccess.ShouldBeTrue();
        var failed = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, null,
            [new HoursRow(null, "E-2", 80m, 0m), new HoursRow(ids["Dan"], null, 80m, 2m)]));
        failed.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("payroll.negative_net_pay"), e => e.Field.ShouldBe("lines[4].postTaxDeductions"));
        (await PeriodsAsync(app, company.Id, schedule.Id, 1, from: new DateOnly(2026, 1, 4)))[0].Status.ShouldBe("none");

        (await CompensateAsync(app, company.Id, ids["Eve"], new { payType = "salary", annualSalary = 52_000.00m, postTaxDeductions = 100.00m })).IsSuccess.ShouldBeTrue();
        var run = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, null,
            [new HoursRow(null, "E-2", 80m, 0m), new HoursRow(ids["Dan"], null, 80m, 2m)]));

        run.IsSuccess.ShouldBeTrue(string.Join("; ", run.Errors));
        var payroll = (await app.SendAsync<Result<PayrollDto>>(new GetPayroll(company.Id, run.Value!.Id))).Value!;
        payroll.Lines.Select(l => (l.LineNumber, l.EmployeeName, l.GrossWages)).ShouldBe(
        [
            (1, "Ann Lovelace", 2_000.00m), // 52,000 / 26
            (2, "Ben Lovelace", 1_600.00m), // 80 x 20
            (3, "Cat Lovelace", 2_000.00m),
            (4, "Dan Lovelace", 1_660.00m), // 80 x 20 + 2 x 20 x 1.5
            (5, "Eve Lovelace", 2_000.00m),
        ]);
        run.Value.LineCount.ShouldBe(5);
        run.Value.Totals.GrossWages.ShouldBe(9_260.00m);
        run.Value.Totals.NetPay.ShouldBe(payroll.Lines.Sum(l => l.NetPay));
        run.Value.Totals.NetPay.ShouldBe(payroll.Totals.NetPay);
        run.Value.Totals.RegimeMembers!.Keys.ShouldBe(payroll.Totals.RegimeMembers!.Keys, ignoreOrder: true);
        foreach (var (name, value) in payroll.Totals.RegimeMembers)
        {
            run.Value.Totals.RegimeMembers[name].ShouldBe(value, name);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StartPayRun_ForAKrMidMonthHire_ShouldProrateByCalendarDaysAndFollowTheAcquisitionMonth(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("서울상사", "seoul-trading", null, "kr"))).Value!;
        var schedule = await ScheduleAsync(app, company.Id, "매월 25일", "monthly", new DateOnly(2026, 1, 1), payDay: 25);
        var kim = await HireKrAsync(app, company.Id, schedule.Id, "900101-1234567", new DateOnly(2026, 1, 2), null);
        var lee = await HireKrAsync(app, company.Id, schedule.Id, "850505-2345678", new DateOnly(2026, 3, 16), null);
        var park = await HireKrAsync(app, company.Id, schedule.Id, "800303-1456789", new DateOnly(2026, 1, 2), new DateOnly(2026, 3, 10));
        foreach (var id in new[] { kim, lee, park })
        {
            (await CompensateAsync(app, company.Id, id, new { payType = "monthly", monthlyBase = 3_100_000, taxableAllowances = 0 })).IsSuccess.ShouldBeTrue();
        }

        var run = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, new DateOnly(2026, 3, 1), null));

        run.IsSuccess.ShouldBeTrue(string.Join("; ", run.Errors));
        run.Value!.PayDate.ShouldBe(new DateOnly(2026, 3, 25));
        var payroll = (await app.SendAsync<Result<PayrollDto>>(new GetPayroll(company.Id, run.Value.Id))).Value!;
        var lines = payroll.Lines.ToDictionary(l => l.EmployeeId);
        Kr(lines[kim]).GetProperty("basePay").GetInt64().ShouldBe(3_100_000);
        Kr(lines[lee]).GetProperty("basePay").GetInt64().ShouldBe(1_600_000, "16 of March's 31 days: 3,100,000 x 16 / 31");
        Kr(lines[lee]).GetProperty("nonTaxable").GetProperty("meals").GetInt64().ShouldBe(103_225, "200,000 x 16 / 31, truncated to the won");
        (lines[lee].Earnings!.DaysEmployed, lines[lee].Earnings!.DaysInPeriod, lines[lee].Earnings!.ProrationBasis).ShouldBe((16, 31, "calendar_days"));
        lines[lee].Earnings!.InsuranceMonth.ShouldBe("acquisition_month");
        Kr(lines[lee]).GetProperty("nationalPension").GetInt64().ShouldBe(0, "국민연금법 제17조②: not the month of a hire after the 1st");
        Kr(lines[lee]).GetProperty("healthInsurance").GetInt64().ShouldBe(0, "국민건강보험법 제69조②");
        Kr(lines[lee]).GetProperty("longTermCare").GetInt64().ShouldBe(0);
        Kr(lines[lee]).GetProperty("employmentInsurance").GetInt64().ShouldBeGreaterThan(0, "employment insurance follows the month's pay");
        Kr(lines[park]).GetProperty("basePay").GetInt64().ShouldBe(1_000_000, "10 of 31 days");
        lines[park].Earnings!.InsuranceMonth.ShouldBe("loss_month");
        Kr(lines[park]).GetProperty("nationalPension").GetInt64().ShouldBe(Kr(lines[kim]).GetProperty("nationalPension").GetInt64(),
            "the month of leaving owes a full month's pension on the full monthly pay");
        Kr(lines[park]).GetProperty("healthInsurance").GetInt64().ShouldBe(Kr(lines[kim]).GetProperty("healthInsurance").GetInt64());
        Kr(lines[park]).GetProperty("employmentInsurance").GetInt64().ShouldBeLessThan(Kr(lines[kim]).GetProperty("employmentInsurance").GetInt64());

        var approved = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, run.Value.Id));
        approved.IsSuccess.ShouldBeTrue("the stored premium month recomputes to the same figures: " + string.Join("; ", approved.Errors));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Compensation_WithTheSameEffectiveDate_ShouldReplaceItAndAnotherDateShouldAdd(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var ada = (await app.EmployeeAsync(company.Id, "123-45-6789")).Id;

        await CompensateAsync(app, company.Id, ada, new { payType = "salary", annualSalary = 70_000m }, new DateOnly(2026, 1, 1));
        await CompensateAsync(app, company.Id, ada, new { payType = "salary", annualSalary = 72_000m }, new DateOnly(2026, 1, 1));
        await CompensateAsync(app, company.Id, ada, new { payType = "hourly", hourlyRate = 40m }, new DateOnly(2026, 7, 1));
        var bad = await CompensateAsync(app, company.Id, ada, new { payType = "salary", hourlyRate = 40m, annualSalary = -5m });
        var history = (await app.SendAsync<Result<CompensationHistoryDto>>(new ListCompensation(company.Id, ada))).Value!;

        history.Items.Select(i => (i.EffectiveFrom, i.PayType)).ShouldBe([(new DateOnly(2026, 7, 1), "hourly"), (new DateOnly(2026, 1, 1), "salary")]);
        history.Items[1].Terms!["annualSalary"].ShouldBe(72_000m);
        bad.Errors.Select(e => e.Field).ShouldBe(["annualSalary", "hourlyRate"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EmployeeNumberAndSchedule_ShouldBeUniqueAndSetThePayFrequency(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var schedule = await ScheduleAsync(app, company.Id, "Biweekly", "biweekly", new DateOnly(2026, 1, 4), offset: 5);
        var ada = await HireAsync(app, company.Id, schedule.Id, "123-45-6789", "Ada", "E-001", new DateOnly(2026, 1, 1), null);
        var taken = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(company.Id, "Bob", "Other", new DateOnly(2026, 1, 1), null)
        {
            EmployeeNumber = "E-001",
            Fields = RegimeFields.Members(new { ssn = "234-56-7890", payFrequency = "monthly", w4 = Samples.SingleW4 }),
        });
        var conflict = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(company.Id, "Cy", "Other", new DateOnly(2026, 1, 1), null)
        {
            PayScheduleId = schedule.Id,
            Fields = RegimeFields.Members(new { ssn = "345-67-8901", payFrequency = "monthly", w4 = Samples.SingleW4 }),
        });

        var stored = (await app.SendAsync<Result<EmployeeDto>>(new GetEmployee(company.Id, ada))).Value!;
        (stored.EmployeeNumber, stored.PayScheduleId, stored.PayFrequency).ShouldBe(("E-001", (Guid?)schedule.Id, "biweekly"));
        taken.Errors.ShouldHaveSingleItem().Code.ShouldBe("employee.number_taken");
        conflict.Errors.ShouldHaveSingleItem().Field.ShouldBe("payFrequency");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OffCycleAndCopiedOneOffs_ShouldPayTheBonusWithoutAdvancingTheSchedule(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var schedule = await ScheduleAsync(app, company.Id, "Monthly", "monthly", new DateOnly(2026, 1, 1), offset: 0);
        var ada = await HireAsync(app, company.Id, schedule.Id, "123-45-6789", "Ada", "E-001", new DateOnly(2025, 6, 1), null);
        await CompensateAsync(app, company.Id, ada, new { payType = "salary", annualSalary = 120_000m });

        var noReason = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            company.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new DateOnly(2026, 1, 20), "monthly", [Samples.UsLine(ada, 0m, 1_000m)]) { OffCycle = true });
        var bonus = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            company.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new DateOnly(2026, 1, 20), "monthly", [Samples.UsLine(ada, 0m, 1_000m)])
        {
            OffCycle = true,
            Reason = "New-year bonus",
        });
        var january = await app.SendAsync<Result<PayRunDto>>(new StartPayRun(company.Id, schedule.Id, null, null));
        var copied = await app.SendAsync<Result<PayrollDto>>(new CopyOneOffs(company.Id, january.Value!.Id, bonus.Value!.Id));

        noReason.Errors.ShouldHaveSingleItem().Field.ShouldBe("reason");
        (bonus.Value.OffCycle, bonus.Value.OffCycleReason, bonus.Value.PayScheduleId).ShouldBe((true, "New-year bonus", (Guid?)null));
        var line = bonus.Value.Lines.ShouldHaveSingleItem();
        line.SupplementalWages.ShouldBe(1_000.00m);
        System.Text.Json.JsonSerializer.SerializeToElement(line.RegimeMembers!["withholdings"], Web).GetProperty("federalIncomeTax").GetDecimal()
            .ShouldBe(220.00m, "the 22% supplemental rate on 1,000.00");
        january.Value.PeriodStart.ShouldBe(new DateOnly(2026, 1, 1), "an off-cycle payroll does not take the schedule's period");
        copied.IsSuccess.ShouldBeTrue(string.Join("; ", copied.Errors));
        var copiedLine = copied.Value!.Lines.ShouldHaveSingleItem();
        (copiedLine.GrossWages, copiedLine.SupplementalWages).ShouldBe((10_000.00m, 1_000.00m));
        copiedLine.Earnings!.PayType.ShouldBe("salary", "the line still says how its regular pay was made");
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static System.Text.Json.JsonElement Kr(PayrollLineDto line) => System.Text.Json.JsonSerializer.SerializeToElement(line.RegimeMembers!["kr"], Web);

    public static async Task<PayScheduleDto> ScheduleAsync(
        PayrollApp app, Guid companyId, string name, string frequency, DateOnly first, int? offset = null, int? payDay = null, bool? nextMonth = null)
    {
        var created = await app.SendAsync<Result<PayScheduleDto>>(new CreatePaySchedule(companyId, name, frequency, first, offset, payDay, nextMonth));
        return created.Value ?? throw new InvalidOperationException(string.Join("; ", created.Errors));
    }

    private static async Task<IReadOnlyList<SchedulePeriodDto>> PeriodsAsync(PayrollApp app, Guid companyId, Guid scheduleId, int count, DateOnly? from = null) =>
        (await app.SendAsync<Result<SchedulePeriodsDto>>(new ListSchedulePeriods(companyId, scheduleId, from ?? new DateOnly(2026, 1, 1), count))).Value!.Items;

    public static async Task<Guid> HireAsync(
        PayrollApp app, Guid companyId, Guid scheduleId, string ssn, string firstName, string number, DateOnly hired, DateOnly? terminated)
    {
        var result = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(companyId, firstName, "Lovelace", hired, terminated)
        {
            EmployeeNumber = number,
            PayScheduleId = scheduleId,
            Fields = RegimeFields.Members(new { ssn, w4 = Samples.SingleW4 }),
        });
        return result.Value?.Id ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    private static async Task<Guid> HireKrAsync(PayrollApp app, Guid companyId, Guid scheduleId, string rrn, DateOnly hired, DateOnly? terminated)
    {
        var result = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(companyId, "민준", "김", hired, terminated)
        {
            PayScheduleId = scheduleId,
            Fields = RegimeFields.Members(new
            {
                residentRegistrationNumber = rrn,
                kr = new { dependents = 1, childrenAged8To20 = 0, withholdingRatio = 100, nonTaxable = new { meals = 200_000, carAllowance = 0, childcare = 0 } },
            }),
        });
        return result.Value?.Id ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    public static Task<Result<CompensationDto>> CompensateAsync(PayrollApp app, Guid companyId, Guid employeeId, object terms, DateOnly? from = null) =>
        app.SendAsync<Result<CompensationDto>>(new AddCompensation(companyId, employeeId, from ?? new DateOnly(2025, 1, 1)) { Fields = RegimeFields.Members(terms) });
}
