using Dapper;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Payrolls;

/// <summary>The kr regime's payroll rules through the real pipeline (ISender), on both databases: the six deductions to the won.</summary>
public sealed class KoreaPayrollUseCaseTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreatePayroll_ForAKrCompany_ShouldWithholdTheSixDeductionsToTheWonAndReportThemOnceApproved(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, kim, lee) = await app.SetUpKoreaCompanyAsync();

        var created = await app.SendAsync<Result<PayrollDto>>(October(companyId, kim, lee));

        var payroll = created.Value!;
        payroll.Regime.ShouldBe("kr");
        // Kim: 4,000,000 taxable in 2026-10, one dependent: 190,000 / 143,800 / 18,890 / 36,000 / 195,960 / 19,590.
        var first = Kr(payroll.Lines[0]);
        (first.NationalPension, first.HealthInsurance, first.LongTermCare, first.EmploymentInsurance, first.IncomeTax, first.LocalIncomeTax)
            .ShouldBe((190_000L, 143_800L, 18_890L, 36_000L, 195_960L, 19_590L));
        (first.TaxablePay, first.NonTaxablePay).ShouldBe((4_000_000L, 200_000L));
        payroll.Lines[0].NetPay.ShouldBe(3_595_760m);
        // Lee: 5,050,000 taxable (the meals over the 200,000 limit are taxable), four dependents with two children 8-20, 120 %.
        var second = Kr(payroll.Lines[1]);
        (second.TaxablePay, second.NationalPension, second.HealthInsurance, second.LongTermCare, second.EmploymentInsurance)
            .ShouldBe((5_050_000L, 239_870L, 181_540L, 23_850L, 45_450L));
        second.LocalIncomeTax.ShouldBe(second.IncomeTax / 100 * 10);
        var totals = (KoreaPayrollTotalsDto)payroll.RegimeMembers!["krTotals"]!;
        (totals.NationalPension, totals.GrossPay).ShouldBe((190_000L + 239_870L, 4_200_000L + 5_250_000L));

        (await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(companyId, payroll.Id))).Value!.Status.ShouldBe("approved");
        foreach (var (quarter, month) in new (int?, int?)[] { (null, 10), (4, null), (null, null) })
        {
            var report = (await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(companyId, 2026, quarter, month))).Value!;
            var reported = ((KoreaWithholdingReportDto)report.RegimeMembers!["kr"]!).Totals;
            (reported.NationalPension, reported.HealthInsurance, reported.IncomeTax).ShouldBe((429_870L, 143_800L + 181_540L, totals.IncomeTax), $"{quarter} {month}");
            report.EmployeeCount.ShouldBe(2);
        }

        await using var connection = await app.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT SUM(national_pension) FROM payroll_kr_lines")).ShouldBe(429_870);
        (await connection.ExecuteScalarAsync<long>("SELECT SUM(net_pay) FROM payroll_lines")).ShouldBe((long)payroll.Totals.NetPay);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreatePayroll_WhenALineHasTheUsShapeAFractionalWonOrTheFrequencyIsNotMonthly_ShouldNameTheFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, kim, _) = await app.SetUpKoreaCompanyAsync();
        CreatePayroll Payroll(string frequency, object line) => new(
            companyId, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 25), frequency, [KoreaSamples.KoreaLine(kim, line)]);

        var usShape = await app.SendAsync<Result<PayrollDto>>(Payroll("monthly", new { grossWages = 1000.00m }));
        var fractional = await app.SendAsync<Result<PayrollDto>>(Payroll("monthly", new { basePay = 1_000_000.5m }));
        var weekly = await app.SendAsync<Result<PayrollDto>>(Payroll("weekly", new { basePay = 1_000_000 }));

        usShape.Errors.Select(e => e.Field).ShouldContain("lines[0].grossWages");
        fractional.Errors.Select(e => e.Field).ShouldContain("lines[0].basePay");
        weekly.Errors.Select(e => e.Field).ShouldContain("payFrequency");
        await using var connection = await app.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM payrolls")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PreviewPayroll_WhenTheProfileChangesAfterThePayDate_ShouldUseTheProfileInEffectOnThePayDate(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, kim, _) = await app.SetUpKoreaCompanyAsync();
        var changed = await app.SendAsync<Result<EmployeeDto>>(new UpdateEmployee(companyId, kim, default, default, default, default)
        {
            Fields = RegimeFields.Members(new { kr = new { dependents = 3, withholdingRatio = 80, effectiveDate = "2026-11-01" } }),
        });
        changed.IsSuccess.ShouldBeTrue();

        async Task<KoreaPayrollLineDto> LineAsync(DateOnly payDate)
        {
            var preview = await app.SendAsync<Result<PayrollPreviewDto>>(new PreviewPayroll(
                companyId, null, payDate, "monthly", [KoreaSamples.KoreaLine(kim, new { basePay = 3_800_000, taxableAllowances = 200_000 })]));
            return Kr(preview.Value!.Lines[0]);
        }

        var october = await LineAsync(new DateOnly(2026, 10, 25));
        var november = await LineAsync(new DateOnly(2026, 11, 25));

        (october.Dependents, october.WithholdingRatio, october.IncomeTax).ShouldBe((1, 100, 195_960L));
        (november.Dependents, november.WithholdingRatio).ShouldBe((3, 80));
        november.IncomeTax.ShouldBeLessThan(195_960);
    }

    /// <summary>The October payroll of <see cref="KoreaSamples.KoreaPayroll"/>, as a message.</summary>
    private static CreatePayroll October(Guid companyId, Guid kim, Guid lee) => new(
        companyId, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 28), new DateOnly(2026, 10, 25), "monthly",
        [
            KoreaSamples.KoreaLine(kim, new { basePay = 3_800_000, taxableAllowances = 200_000 }),
            KoreaSamples.KoreaLine(lee, new { basePay = 4_500_000, bonus = 500_000, nonTaxable = new { meals = 250_000 } }),
        ]);

    private static KoreaPayrollLineDto Kr(PayrollLineDto line) => (KoreaPayrollLineDto)line.RegimeMembers!["kr"]!;
}
