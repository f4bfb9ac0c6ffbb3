using System.Text.Json;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Payslips;
using PayrollPortal.Application.Regimes;
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
