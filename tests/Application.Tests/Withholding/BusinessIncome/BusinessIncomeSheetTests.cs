using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;
using static PayrollPortal.Application.Tests.Withholding.BusinessIncome.BusinessIncomeScenario;

namespace PayrollPortal.Application.Tests.Withholding.BusinessIncome;

/// <summary>
/// Business income (사업소득) through the real pipeline on both databases: the withholding of each line, the small-amount rule by
/// pay date, and the sheet's life inside the month close. The worked examples are written out with their sources:
/// <list type="bullet">
/// <item>3% income tax on a resident's business income: Income Tax Act art. 129(1)3; 20% for a non-resident: art. 156(1);</item>
/// <item>local income tax 10% of the income tax: Local Tax Act art. 103-13 (residents) and 103-18 (non-residents);</item>
/// <item>each truncated to 10 KRW: 국고금 관리법 art. 47 (amounts under 10 won are not collected);</item>
/// <item>소액부징수: Income Tax Act art. 86 (tax under 1,000 KRW not collected), no longer applied to personal-service business
///   income paid from 2024-07-01 (docs/BUSINESS_INCOME.md has the sources found and what could not be found).</item>
/// </list>
/// </summary>
public sealed class BusinessIncomeSheetTests
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateSheet_ForResidents_ShouldWithhold3PercentAndLocalTax10PercentOfIt_EachTruncatedTo10Won(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var kim = await PayeeAsync(app, companyId, "900101-1234567", name: "김하늘");
        var lee = await PayeeAsync(app, companyId, "850505-2345678", name: "이바다");
        var park = await PayeeAsync(app, companyId, "201015-3456781", name: "박새롬"); // issued after October 2020: no check digit

        var sheet = await SheetAsync(app, companyId, March10, (kim.Id, 1_000_000m), (lee.Id, 1_234_567m), (park.Id, 33_333m));

        sheet.Status.ShouldBe("draft");
        sheet.Month.ShouldBe("2026-03");
        // 1,000,000 × 3% = 30,000; local 30,000 × 10% = 3,000; net 1,000,000 − 33,000 = 967,000 (the familiar "3.3%").
        Figures(sheet.Lines[0]).ShouldBe((1_000_000L, 3m, 30_000L, 3_000L, 967_000L, false));
        // 1,234,567 × 3% = 37,037.01 → 37,030 (7.01 won truncated); local 3,703 → 3,700; net 1,234,567 − 40,730 = 1,193,837.
        Figures(sheet.Lines[1]).ShouldBe((1_234_567L, 3m, 37_030L, 3_700L, 1_193_837L, false));
        // 33,333 × 3% = 999.99 → 990; paid in 2026, after 2024-07-01, so withheld though under 1,000; local 99 → 90; net 32,253.
        Figures(sheet.Lines[2]).ShouldBe((33_333L, 3m, 990L, 90L, 32_253L, false));
        sheet.Lines[0].ResidentRegistrationNumber.ShouldBe("******-***4567");
        sheet.Lines[2].PayeeName.ShouldBe("박새롬");
        sheet.Totals.ShouldBe(new BusinessIncomeTotalsDto(3, 2_267_900L, 68_020L, 6_790L, 2_193_090L));

        var read = (await app.SendAsync<Result<BusinessIncomeSheetDto>>(new GetBusinessIncomeSheet(companyId, sheet.Id))).Value!;
        read.Lines.ShouldBe(sheet.Lines);
        read.Totals.ShouldBe(sheet.Totals);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateSheet_UnderTheSmallAmountRule_ShouldNotCollectUnder1000WonBeforeJuly2024AndCollectItFromThen(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var kim = await PayeeAsync(app, companyId, "900101-1234567");
        var lee = await PayeeAsync(app, companyId, "850505-2345678");

        var june = await SheetAsync(app, companyId, new DateOnly(2024, 6, 28), (kim.Id, 33_333m), (lee.Id, 33_334m));
        var july = await SheetAsync(app, companyId, new DateOnly(2024, 7, 1), (kim.Id, 33_333m));

        // Paid 2024-06-28: 990 won of income tax is under 1,000, so neither it nor the local tax is collected (art. 86).
        Figures(june.Lines[0]).ShouldBe((33_333L, 3m, 0L, 0L, 33_333L, true));
        // 33,334 × 3% = 1,000.02 → 1,000: not under 1,000, collected; local 100; net 32,234.
        Figures(june.Lines[1]).ShouldBe((33_334L, 3m, 1_000L, 100L, 32_234L, false));
        // Paid 2024-07-01: the rule no longer covers personal-service business income; 990 and 90 are withheld.
        Figures(july.Lines[0]).ShouldBe((33_333L, 3m, 990L, 90L, 32_253L, false));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateSheet_ForNonresidents_ShouldWithhold20PercentOrTheTreatyRateAndLocalTax10PercentOfIt(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var smith = await PayeeAsync(app, companyId, "750312-5123456", "nonresident", name: "John Smith");
        var tanaka = await PayeeAsync(app, companyId, "800220-6234567", "nonresident", treatyRate: 15m, name: "田中 花子");

        tanaka.TreatyRate.ShouldBe(15m);
        tanaka.IncomeTaxRate.ShouldBe(15m);
        smith.IncomeTaxRate.ShouldBe(20m);
        var sheet = await SheetAsync(app, companyId, March10, (smith.Id, 1_000_000m), (tanaka.Id, 1_234_567m));
        var early = await SheetAsync(app, companyId, new DateOnly(2024, 3, 5), (smith.Id, 4_000m));

        // 1,000,000 × 20% = 200,000; local 20,000 (2%); net 780,000.
        Figures(sheet.Lines[0]).ShouldBe((1_000_000L, 20m, 200_000L, 20_000L, 780_000L, false));
        // Treaty rate 15%: 1,234,567 × 15% = 185,185.05 → 185,180; local 18,518 → 18,510; net 1,234,567 − 203,690 = 1,030,877.
        Figures(sheet.Lines[1]).ShouldBe((1_234_567L, 15m, 185_180L, 18_510L, 1_030_877L, false));
        sheet.Lines[0].ResidentType.ShouldBe("nonresident");
        // A non-resident's tax (art. 156) is outside art. 86 as this module reads it: 4,000 × 20% = 800 is withheld even in 2024-03.
        Figures(early.Lines[0]).ShouldBe((4_000L, 20m, 800L, 80L, 3_120L, false));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateSheet_WithTheLargestAmount_ShouldComputeWithoutOverflow(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var kim = await PayeeAsync(app, companyId, "900101-1234567");
        var smith = await PayeeAsync(app, companyId, "750312-5123456", "nonresident");

        var sheet = await SheetAsync(app, companyId, March10, (kim.Id, 1_000_000_000_000m), (smith.Id, 1_000_000_000_000m));

        Figures(sheet.Lines[0]).ShouldBe((1_000_000_000_000L, 3m, 30_000_000_000L, 3_000_000_000L, 967_000_000_000L, false));
        Figures(sheet.Lines[1]).ShouldBe((1_000_000_000_000L, 20m, 200_000_000_000L, 20_000_000_000L, 780_000_000_000L, false));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateSheet_WithBadLines_ShouldRefuseNamingEachFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var otherCompany = await KoreaCompanyAsync(app, "busan-freelance");
        var kim = await PayeeAsync(app, companyId, "900101-1234567");
        var foreignPayee = await PayeeAsync(app, otherCompany, "850505-2345678");
        var before = await StoredAsync(app);

        var negative = await Send(app, new CreateBusinessIncomeSheet(companyId, March10, [new(kim.Id, -1m)]));
        var tooLarge = await Send(app, new CreateBusinessIncomeSheet(companyId, March10, [new(kim.Id, 1_000_000_000_001m)]));
        var fraction = await Send(app, new CreateBusinessIncomeSheet(companyId, March10, [new(kim.Id, 100.5m)]));
        var zero = await Send(app, new CreateBusinessIncomeSheet(companyId, March10, [new(kim.Id, 0m)]));
        var twice = await Send(app, new CreateBusinessIncomeSheet(companyId, March10, [new(kim.Id, 1_000m), new(kim.Id, 2_000m)]));
        var foreign = await Send(app, new CreateBusinessIncomeSheet(companyId, March10, [new(kim.Id, 1_000m), new(foreignPayee.Id, 2_000m)]));
        var empty = await Send(app, new CreateBusinessIncomeSheet(companyId, March10, []));
        var noDate = await Send(app, new CreateBusinessIncomeSheet(companyId, null, [new(kim.Id, 1_000m)]));

        Single(negative).ShouldBe(("business_income.amount_invalid", "lines[0].amount"));
        Single(tooLarge).ShouldBe(("business_income.amount_invalid", "lines[0].amount"));
        Single(fraction).ShouldBe(("business_income.amount_invalid", "lines[0].amount"));
        Single(zero).ShouldBe(("business_income.amount_invalid", "lines[0].amount"));
        Single(twice).ShouldBe(("business_income.duplicate_payee", "lines[1].payeeId"));
        Single(foreign).ShouldBe(("business_income.unknown_payee", "lines[1].payeeId"));
        Single(empty).ShouldBe(("business_income.no_lines", "lines"));
        Single(noDate).ShouldBe(("business_income.pay_date_required", "payDate"));
        foreach (var refused in new[] { negative, tooLarge, fraction, zero, twice, foreign, empty, noDate })
        {
            refused.Errors.ShouldAllBe(e => e.Type == ErrorType.Validation);
        }

        (await StoredAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sheet_ShouldGoFromDraftToApprovedToVoidedWithAReason_AndRefuseTheStepsOutOfOrder(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var kim = await PayeeAsync(app, companyId, "900101-1234567");
        var sheet = await SheetAsync(app, companyId, March10, (kim.Id, 1_000_000m));

        var voidDraft = await Send(app, new VoidBusinessIncomeSheet(companyId, sheet.Id, "typo"));
        var noReason = await Send(app, new VoidBusinessIncomeSheet(companyId, sheet.Id, "  "));
        var approved = await Send(app, new ApproveBusinessIncomeSheet(companyId, sheet.Id));
        var again = await Send(app, new ApproveBusinessIncomeSheet(companyId, sheet.Id));
        var voided = await Send(app, new VoidBusinessIncomeSheet(companyId, sheet.Id, "Paid twice; the second transfer came back"));
        var voidAgain = await Send(app, new VoidBusinessIncomeSheet(companyId, sheet.Id, "again"));
        var missing = await Send(app, new ApproveBusinessIncomeSheet(companyId, Guid.NewGuid()));

        Single(voidDraft).ShouldBe(("business_income.not_approved", null));
        Single(noReason).ShouldBe(("business_income.void_reason_required", "reason"));
        approved.Value!.Status.ShouldBe("approved");
        approved.Value.ApprovedAt.ShouldNotBeNull();
        Single(again).ShouldBe(("business_income.not_draft", null));
        voided.Value!.Status.ShouldBe("voided");
        voided.Value.VoidReason.ShouldBe("Paid twice; the second transfer came back");
        voided.Value.Lines.ShouldBe(sheet.Lines);
        Single(voidAgain).ShouldBe(("business_income.not_approved", null));
        missing.Errors.ShouldHaveSingleItem().Type.ShouldBe(ErrorType.NotFound);
        (await StoredAsync(app)).ShouldEndWith("business_income.payee_created,business_income.sheet_approved,business_income.sheet_created,business_income.sheet_voided");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SheetWrites_InAClosedMonth_ShouldEachGet409PeriodClosedAndStoreNothing_UntilTheMonthIsReopened(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var kim = await PayeeAsync(app, companyId, "900101-1234567");
        var approved = await SheetAsync(app, companyId, new DateOnly(2026, 3, 25), (kim.Id, 500_000m));
        (await Send(app, new ApproveBusinessIncomeSheet(companyId, approved.Id))).IsSuccess.ShouldBeTrue();
        (await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(companyId, "2026-03"))).IsSuccess.ShouldBeTrue();
        var before = await StoredAsync(app);

        // A draft cannot be left in a closed month (the close refuses it), so the writes left are a new sheet and a void.
        var post = await Send(app, new CreateBusinessIncomeSheet(companyId, new DateOnly(2026, 3, 31), [new(kim.Id, 1_000m)]));
        var voiding = await Send(app, new VoidBusinessIncomeSheet(companyId, approved.Id, "Wrong payee"));

        foreach (var refused in new[] { post, voiding })
        {
            var error = refused.Errors.ShouldHaveSingleItem();
            error.Code.ShouldBe("period.closed");
            error.Type.ShouldBe(ErrorType.Conflict);
            error.Message.ShouldContain("2026-03");
        }

        (await StoredAsync(app)).ShouldBe(before);
        var april = await Send(app, new CreateBusinessIncomeSheet(companyId, new DateOnly(2026, 4, 1), [new(kim.Id, 1_000m)]));
        april.IsSuccess.ShouldBeTrue(); // the next month is open
        (await app.SendAsync<Result<PeriodDto>>(new ReopenPeriod(companyId, "2026-03", "A payee was paid twice"))).IsSuccess.ShouldBeTrue();
        (await Send(app, new VoidBusinessIncomeSheet(companyId, approved.Id, "Wrong payee"))).Value!.Status.ShouldBe("voided");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ClosePeriod_WhileADraftSheetIsPaidInTheMonth_ShouldRefuseNamingIt_AndCloseOnceItIsApproved(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var kim = await PayeeAsync(app, companyId, "900101-1234567");
        var draft = await SheetAsync(app, companyId, March10, (kim.Id, 1_000_000m));
        var april = await SheetAsync(app, companyId, new DateOnly(2026, 4, 2), (kim.Id, 1_000_000m));

        var refused = await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(companyId, "2026-03"));

        var error = refused.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("period.drafts_open");
        error.Message.ShouldContain($"business-income sheet {draft.Id} (paid 2026-03-10)");
        error.Message.ShouldNotContain(april.Id.ToString());
        (await Send(app, new ApproveBusinessIncomeSheet(companyId, draft.Id))).IsSuccess.ShouldBeTrue();
        var closed = await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(companyId, "2026-03"));
        closed.IsSuccess.ShouldBeTrue(string.Join("; ", closed.Errors));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SheetEndpoints_ForACompanyOfAnotherRegime_ShouldRefuseWith409AndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var us = await app.CompanyAsync();
        var before = await StoredAsync(app);

        var payee = await app.SendAsync<Result<BusinessIncomePayeeDto>>(new CreateBusinessIncomePayee(us.Id, "Ann", "900101-1234567", "resident", "940909"));
        var sheet = await Send(app, new CreateBusinessIncomeSheet(us.Id, March10, [new(Guid.NewGuid(), 1_000m)]));
        var list = await app.SendAsync<Result<IReadOnlyList<BusinessIncomePayeeDto>>>(new ListBusinessIncomePayees(us.Id));

        foreach (var errors in new[] { payee.Errors, sheet.Errors, list.Errors })
        {
            var error = errors.ShouldHaveSingleItem();
            error.Code.ShouldBe("business_income.regime_unsupported");
            error.Type.ShouldBe(ErrorType.Conflict);
            error.Message.ShouldContain("us-federal");
        }

        (await StoredAsync(app)).ShouldBe(before);
    }

    private static Task<Result<BusinessIncomeSheetDto>> Send(PayrollApp app, Mediator.IMessage message) => app.SendAsync<Result<BusinessIncomeSheetDto>>(message);

    private static (string Code, string? Field) Single(Result<BusinessIncomeSheetDto> result)
    {
        var error = result.Errors.ShouldHaveSingleItem();
        return (error.Code, error.Field);
    }

    private static (long Amount, decimal Rate, long IncomeTax, long LocalIncomeTax, long Net, bool Exempt) Figures(BusinessIncomeLineDto line) =>
        (line.Amount, line.IncomeTaxRate, line.IncomeTax, line.LocalIncomeTax, line.NetAmount, line.SmallAmountExempt);
}
