using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Payslips;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.OpeningBalances;

/// <summary>Opening balances through the real pipeline on both databases: year to date, reports, payslips, refusals.</summary>
public sealed class OpeningBalanceTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpeningBalances_ForAJuneSwitch_ShouldReachTheWageBaseAdditionalMedicareThePayslipAndEachQuartersCarriedInLine(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var earner = await app.EmployeeAsync(company.Id, "123-45-6789");

        // January to March as one record (it falls in March, its as-of month), then April and May each on their own: 180,000 in all.
        var recorded = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
        [
            Us(earner.Id, new DateOnly(2026, 3, 31), null),
            Us(earner.Id, new DateOnly(2026, 5, 31), "2026-04"),
            Us(earner.Id, new DateOnly(2026, 5, 31), "2026-05"),
        ], Many: true));
        var correction = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
            [Us(earner.Id, new DateOnly(2026, 5, 31), "2026-04", federalIncomeTax: 12_500.00m)], Many: false));
        var june = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            company.Id, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30), "monthly", [Samples.UsLine(earner.Id, 25_000m)]))).Value!;
        var approved = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, june.Id));
        var late = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
            [Us(earner.Id, new DateOnly(2026, 5, 31), "2026-05")], Many: true));
        var q1 = await ReportAsync(app, company.Id, 1);
        var q2 = await ReportAsync(app, company.Id, 2);
        var payslip = (await app.SendAsync<Result<PayslipDto>>(new GetPayslip(company.Id, june.Id, earner.Id))).Value!;

        recorded.IsSuccess.ShouldBeTrue(string.Join("; ", recorded.Errors));
        recorded.Value!.Balances.Select(b => b.Period).ShouldBe(["2026-03", "2026-04", "2026-05"]);
        Convert.ToDecimal(recorded.Value.Balances[0].Amounts!["socialSecurityEmployer"]).ShouldBe(3_720.00m, "the employer's share defaults to the employee's");
        correction.IsSuccess.ShouldBeTrue(string.Join("; ", correction.Errors));

        // 184,500 wage base less 180,000 carried in: 4,500 taxed; Medicare wages reach 205,000, 5,000 over the 200,000 threshold.
        var line = june.Lines.ShouldHaveSingleItem();
        line.TaxableWages().SocialSecurity.ShouldBe(4_500.00m);
        line.Withholdings().SocialSecurity.ShouldBe(279.00m);
        line.Withholdings().Medicare.ShouldBe(362.50m);
        line.TaxableWages().AdditionalMedicare.ShouldBe(5_000.00m);
        line.Withholdings().AdditionalMedicare.ShouldBe(45.00m);
        approved.IsSuccess.ShouldBeTrue(string.Join("; ", approved.Errors));

        late.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("opening_balance.payroll_after_as_of"), e => e.Field.ShouldBe("balances[0].asOf"), e => e.Message.ShouldContain("2026-06-30"));

        q1.GetProperty("carriedIn").GetProperty("wages").GetDecimal().ShouldBe(60_000.00m);
        q1.GetProperty("totals").GetProperty("wages").GetDecimal().ShouldBe(0m);
        q2.GetProperty("totals").GetProperty("wages").GetDecimal().ShouldBe(25_000.00m, "this system's payrolls");
        var carried = q2.GetProperty("carriedIn");
        carried.GetProperty("wages").GetDecimal().ShouldBe(120_000.00m);
        carried.GetProperty("federalIncomeTax").GetDecimal().ShouldBe(24_500.00m, "April's correction (12,500) replaced its 12,000");
        carried.GetProperty("socialSecurityEmployer").GetDecimal().ShouldBe(7_440.00m);
        carried.GetProperty("totalLiability").GetDecimal().ShouldBe(24_500.00m + 2 * 7_440.00m + 2 * 1_740.00m);
        q2.GetProperty("carriedInMonths").EnumerateArray().Select(m => (m.GetProperty("month").GetInt32(), m.GetProperty("wages").GetDecimal()))
            .ShouldBe([(4, 60_000.00m), (5, 60_000.00m), (6, 0m)]);

        var taxes = payslip.Sections.Single(s => s.Key == "taxes").Items.ToDictionary(i => i.Key);
        taxes["socialSecurity"].YearToDate.ShouldBe(11_439.00m, "3 x 3,720 carried in + 279: the year's maximum");
        taxes["federalIncomeTax"].YearToDate.ShouldBe(36_500.00m + taxes["federalIncomeTax"].Amount);
        payslip.Totals.GrossPayYearToDate.ShouldBe(205_000.00m);

        var events = (await app.SendAsync<Result<Page<AuditEventDto>>>(new ListAuditEvents(company.Id, AuditActions.OpeningBalanceRecorded, null, null))).Value!.Items;
        events.Count.ShouldBe(4, "the correction is a record of its own; both stay in the trail");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RecordOpeningBalances_WhenARecordIsWrong_ShouldNameTheFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var earner = await app.EmployeeAsync(company.Id, "123-45-6789");
        var good = Us(earner.Id, new DateOnly(2026, 5, 31), null);

        var period = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
            [good, Us(earner.Id, new DateOnly(2026, 5, 31), "2026-07") with { TaxYear = 2026 }], Many: true));
        var amounts = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
        [
            good,
            good with { Fields = RegimeFields.Members(new { wages = 1.005m, socialSecurityWages = 1m, medicareWages = 1m, federalIncomeTax = 0m, socialSecurity = 0m, medicare = 0m, additionalMedicare = 0m, supplementalWages = 0m, bonus = 5m }) },
            good with { EmployeeId = Guid.CreateVersion7() },
        ], Many: true));
        var q2 = await ReportAsync(app, company.Id, 2);

        period.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("opening_balance.period_invalid", "balances[1].period")]);
        amounts.Errors.Select(e => (e.Code, e.Field)).ShouldBe(
        [
            ("opening_balance.unknown_field", "balances[1].bonus"),
            ("amount.invalid", "balances[1].wages"),
            ("opening_balance.employee_unknown", "balances[2].employeeId"),
        ], ignoreOrder: true);
        q2.GetProperty("carriedIn").GetProperty("wages").GetDecimal().ShouldBe(0m, "nothing stored");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpeningBalances_ForAKrCompany_ShouldShowInTheQuarterAndThePayslipsYearToDateInWholeWon(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, kim, _) = await app.SetUpKoreaCompanyAsync();
        var balance = new OpeningBalanceRequest(kim, 2026, new DateOnly(2026, 9, 30))
        {
            Fields = RegimeFields.Members(new
            {
                taxablePay = 36_000_000, nationalPension = 1_620_000, healthInsurance = 1_276_200, longTermCare = 165_240, employmentInsurance = 324_000,
                incomeTax = 1_500_000, localIncomeTax = 150_000,
            }),
        };

        var recorded = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(companyId, [balance], Many: false));
        var october = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(companyId, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 23),
            "monthly", [KoreaSamples.KoreaLine(kim, new { basePay = 3_800_000, taxableAllowances = 200_000 })]))).Value!;
        (await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(companyId, october.Id))).IsSuccess.ShouldBeTrue();
        var q3 = await ReportAsync(app, companyId, 3);
        var payslip = (await app.SendAsync<Result<PayslipDto>>(new GetPayslip(companyId, october.Id, kim))).Value!;

        recorded.IsSuccess.ShouldBeTrue(string.Join("; ", recorded.Errors));
        var carried = q3.GetProperty("krCarriedIn");
        carried.GetProperty("totals").GetProperty("taxablePay").GetInt64().ShouldBe(36_000_000);
        carried.GetProperty("totals").GetProperty("totalDeductions").GetInt64().ShouldBe(5_035_440);
        carried.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("month").GetInt32(), m.GetProperty("incomeTax").GetInt64()))
            .ShouldBe([(7, 0L), (8, 0L), (9, 1_500_000L)]);
        var taxes = payslip.Sections.Single(s => s.Key == "taxes").Items.ToDictionary(i => i.Key);
        taxes["incomeTax"].YearToDate.ShouldBe(1_500_000m + taxes["incomeTax"].Amount);
        taxes["nationalPension"].YearToDate.ShouldBe(1_620_000m + taxes["nationalPension"].Amount);
        payslip.Sections.Single(s => s.Key == "earnings").Items.Single(i => i.Key == "basePay").YearToDate.ShouldBe(36_000_000m + 3_800_000m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpeningBalances_ByEmployeeNumber_ShouldReachYearToDateExactlyAsByEmployeeId(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await NumberedAsync(app, company.Id, "123-45-6789", "Ada", "E-1001");
        var bob = await NumberedAsync(app, company.Id, "234-56-7890", "Bob", "E-1002");
        var carol = await NumberedAsync(app, company.Id, "345-67-8901", "Carol", "e-1001"); // another employee's number in other letter case

        // Ada's figures by id, Bob's the same by number, and one of Ada's by both (naming her twice is fine): 180,000 each.
        var recorded = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
        [
            Us(ada, new DateOnly(2026, 3, 31), null),
            Us(ada, new DateOnly(2026, 5, 31), "2026-04"),
            Us(ada, new DateOnly(2026, 5, 31), "2026-05") with { EmployeeNumber = "E-1001" },
            ByNumber(Us(bob, new DateOnly(2026, 3, 31), null), "E-1002"),
            ByNumber(Us(bob, new DateOnly(2026, 5, 31), "2026-04"), "E-1002"),
            ByNumber(Us(bob, new DateOnly(2026, 5, 31), "2026-05"), "E-1002"),
        ], Many: true));
        var june = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            company.Id, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30), "monthly",
            [Samples.UsLine(ada, 25_000m), Samples.UsLine(bob, 25_000m)]))).Value!;
        var stored = await StoredAsync(app, company.Id);

        recorded.IsSuccess.ShouldBeTrue(string.Join("; ", recorded.Errors));
        recorded.Value!.Balances.Select(b => (b.EmployeeId, b.EmployeeNumber)).ShouldBe(
            [(ada, "E-1001"), (ada, "E-1001"), (ada, "E-1001"), (bob, "E-1002"), (bob, "E-1002"), (bob, "E-1002")]);
        stored.Select(b => b.EmployeeId).ShouldNotContain(carol, "E-1001 is matched exactly, never as e-1001");
        var byEmployee = stored.ToLookup(b => b.EmployeeId);
        foreach (var employee in new[] { ada, bob })
        {
            byEmployee[employee].OrderBy(b => b.PeriodMonth).Select(b => (b.PeriodMonth, b[UsFederalOpeningBalances.Wages], b[UsFederalOpeningBalances.SocialSecurity], b[UsFederalOpeningBalances.MedicareEmployer]))
                .ShouldBe([(3, 6_000_000L, 372_000L, 87_000L), (4, 6_000_000L, 372_000L, 87_000L), (5, 6_000_000L, 372_000L, 87_000L)], $"{employee}'s cents");
        }

        static IEnumerable<string> Cents(IEnumerable<OpeningBalance> records) =>
            records.OrderBy(b => b.PeriodMonth).Select(b => string.Join(", ", b.Amounts.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")));
        Cents(byEmployee[bob]).ShouldBe(Cents(byEmployee[ada]), "every amount of every month, to the cent");
        var lines = june.Lines.ToDictionary(l => l.EmployeeId);
        lines[bob].TaxableWages().ShouldBe(lines[ada].TaxableWages());
        lines[bob].Withholdings().ShouldBe(lines[ada].Withholdings());
        lines[bob].TaxableWages().SocialSecurity.ShouldBe(4_500.00m, "184,500 wage base less the 180,000 carried in by number");
        lines[bob].Withholdings().AdditionalMedicare.ShouldBe(45.00m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpeningBalances_ForAKrEmployeeByNumber_ShouldReachTheQuarterInWholeWon(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, kim, lee) = await app.SetUpKoreaCompanyAsync();
        await GiveNumberAsync(app, companyId, kim, "M-001");
        await GiveNumberAsync(app, companyId, lee, "M-002");
        var balance = new OpeningBalanceRequest(null, 2026, new DateOnly(2026, 9, 30), EmployeeNumber: "M-001")
        {
            Fields = RegimeFields.Members(new
            {
                taxablePay = 36_000_000, nationalPension = 1_620_000, healthInsurance = 1_276_200, longTermCare = 165_240, employmentInsurance = 324_000,
                incomeTax = 1_500_000, localIncomeTax = 150_000,
            }),
        };

        var recorded = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(companyId, [balance], Many: false));
        var q3 = await ReportAsync(app, companyId, 3);
        var stored = await StoredAsync(app, companyId);

        recorded.IsSuccess.ShouldBeTrue(string.Join("; ", recorded.Errors));
        (recorded.Value!.Balances.ShouldHaveSingleItem().EmployeeId, recorded.Value.Balances[0].EmployeeNumber).ShouldBe((kim, "M-001"));
        var record = stored.ShouldHaveSingleItem();
        (record.EmployeeId, record["taxablePay"], record["incomeTax"], record["localIncomeTax"]).ShouldBe((kim, 36_000_000L, 1_500_000L, 150_000L));
        q3.GetProperty("krCarriedIn").GetProperty("totals").GetProperty("taxablePay").GetInt64().ShouldBe(36_000_000);
        q3.GetProperty("krCarriedIn").GetProperty("totals").GetProperty("totalDeductions").GetInt64().ShouldBe(5_035_440);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RecordOpeningBalances_WhenTheEmployeeIsMissingUnknownOrNamedTwoWays_ShouldNameTheFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await NumberedAsync(app, company.Id, "123-45-6789", "Ada", "E-1001");
        await NumberedAsync(app, company.Id, "234-56-7890", "Bob", "E-1002");
        var good = ByNumber(Us(ada, new DateOnly(2026, 5, 31), null), "E-1001");

        var neither = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
            [good, good, good with { EmployeeNumber = null }], Many: true));
        var notANumber = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
            [good with { EmployeeNumber = "E 1001" }], Many: false));
        var twoEmployees = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
            [good, good with { EmployeeId = ada, EmployeeNumber = "E-1002" }], Many: true));
        var unknown = await app.SendAsync<Result<OpeningBalancesDto>>(new RecordOpeningBalances(company.Id,
            [good, good with { EmployeeNumber = "E-9999" }, good with { EmployeeNumber = "e-1001" }], Many: true));

        var required = neither.Errors.ShouldHaveSingleItem();
        (required.Code, required.Field).ShouldBe(("opening_balance.employee_required", "balances[2].employeeId"));
        required.Message.ShouldContain("employeeNumber or employeeId");
        notANumber.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("opening_balance.employee_number_invalid", "employeeNumber")]);
        var mismatch = twoEmployees.Errors.ShouldHaveSingleItem();
        (mismatch.Code, mismatch.Field).ShouldBe(("opening_balance.employee_mismatch", "balances[1].employeeNumber"));
        mismatch.Message.ShouldContain("E-1002");
        unknown.Errors.Select(e => (e.Code, e.Field)).ShouldBe(
            [("opening_balance.employee_unknown", "balances[1].employeeNumber"), ("opening_balance.employee_unknown", "balances[2].employeeNumber")],
            "the same code an unknown employeeId gets; e-1001 is not E-1001");
        (await StoredAsync(app, company.Id)).ShouldBeEmpty("a record with a problem stores nothing, the good ones beside it included");
    }

    private static OpeningBalanceRequest ByNumber(OpeningBalanceRequest request, string employeeNumber) =>
        request with { EmployeeId = null, EmployeeNumber = employeeNumber };

    private static async Task<Guid> NumberedAsync(PayrollApp app, Guid companyId, string ssn, string firstName, string employeeNumber)
    {
        var employee = await app.EmployeeAsync(companyId, ssn, firstName);
        await GiveNumberAsync(app, companyId, employee.Id, employeeNumber);
        return employee.Id;
    }

    private static async Task GiveNumberAsync(PayrollApp app, Guid companyId, Guid employeeId, string employeeNumber)
    {
        var updated = await app.SendAsync<Result<EmployeeDto>>(
            new UpdateEmployee(companyId, employeeId, default, default, default, default) { EmployeeNumber = Optional<string?>.Of(employeeNumber) });
        updated.IsSuccess.ShouldBeTrue(string.Join("; ", updated.Errors));
    }

    /// <summary>The records that count, read from the store itself, in minor units.</summary>
    private static async Task<IReadOnlyList<OpeningBalance>> StoredAsync(PayrollApp app, Guid companyId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOpeningBalanceStore>().EffectiveAsync(companyId, 2026, null, CancellationToken.None);
    }

    private static OpeningBalanceRequest Us(Guid employeeId, DateOnly asOf, string? period, decimal federalIncomeTax = 12_000.00m) =>
        new(employeeId, 2026, asOf, period)
        {
            Fields = RegimeFields.Members(new
            {
                wages = 60_000.00m, socialSecurityWages = 60_000.00m, medicareWages = 60_000.00m, federalIncomeTax, socialSecurity = 3_720.00m,
                medicare = 870.00m, additionalMedicare = 0m, supplementalWages = 0m,
            }),
        };

    private static async Task<JsonElement> ReportAsync(PayrollApp app, Guid companyId, int quarter)
    {
        var report = await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(companyId, 2026, quarter, null));
        return JsonSerializer.SerializeToElement(report.Value ?? throw new InvalidOperationException(string.Join("; ", report.Errors)), Web);
    }
}
