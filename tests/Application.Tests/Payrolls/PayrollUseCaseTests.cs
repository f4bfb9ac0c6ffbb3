using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Payrolls;

/// <summary>The payroll lifecycle and its rules through the real pipeline, on both databases.</summary>
public sealed class PayrollUseCaseTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreatePayroll_WhenValid_ShouldComputeEachLineAsThePreviewDoesAndStoreADraft(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789", payFrequency: "weekly");
        var grace = await app.EmployeeAsync(company.Id, "234-56-7890", "Grace", "Hopper", new WithholdingW4("2019", MaritalStatus: "married", Allowances: 2));

        var payroll = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(company.Id, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 11),
            new DateOnly(2026, 1, 16), "weekly",
        [
            Samples.UsLine(ada.Id, 2000m),
            Samples.UsLine(grace.Id, 1500m, 250m, new WithholdingPreTaxDeductions(100m, 50m, 25m), 40m),
        ]))).Value!;

        payroll.Status.ShouldBe("draft");
        payroll.TaxYear.ShouldBe(2026);
        payroll.Lines.Count.ShouldBe(2);
        var first = payroll.Lines[0];
        first.Withholdings().FederalIncomeTax.ShouldBe(270.19m);
        first.Withholdings().SocialSecurity.ShouldBe(124.00m);
        first.Withholdings().Medicare.ShouldBe(29.00m);
        first.NetPay.ShouldBe(2000m - 270.19m - 124m - 29m);
        first.SsnLast4.ShouldBe("6789");
        var preview = (await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(2026, "weekly", 1500m, 250m,
            new WithholdingPreTaxDeductions(100m, 50m, 25m), new WithholdingW4("2019", MaritalStatus: "married", Allowances: 2)))).Value!;
        var second = payroll.Lines[1];
        second.Withholdings().FederalIncomeTax.ShouldBe(preview.FederalIncomeTax);
        second.Withholdings().SocialSecurity.ShouldBe(preview.SocialSecurity);
        second.Withholdings().Medicare.ShouldBe(preview.Medicare);
        second.TaxableWages().FederalIncomeTax.ShouldBe(1575m);
        second.TaxableWages().SocialSecurity.ShouldBe(1675m);
        second.NetPay.ShouldBe(1750m - 175m - preview.FederalIncomeTax - preview.SocialSecurity - preview.Medicare - 40m);
        payroll.Totals.FederalIncomeTax().ShouldBe(270.19m + preview.FederalIncomeTax);
        payroll.Totals.NetPay.ShouldBe(first.NetPay + second.NetPay);

        var stored = (await app.SendAsync<Result<PayrollDto>>(new GetPayroll(company.Id, payroll.Id))).Value!;
        stored.Lines.Select(l => l.Withholdings()).ShouldBe(payroll.Lines.Select(l => l.Withholdings()));
        stored.Totals.Json().ShouldBe(payroll.Totals.Json());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreatePayroll_WhenLinesBreakTheRules_ShouldReturn400NamingTheLineAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var outsider = await app.EmployeeAsync(other.Id, "234-56-7890");
        var gone = await app.EmployeeAsync(company.Id, "345-67-8901", "Gone", "Away", hireDate: new DateOnly(2024, 1, 1), terminationDate: new DateOnly(2025, 12, 31));

        var duplicate = await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 100m), Samples.UsLine(ada.Id, 200m)]);
        var foreign = await CreateAsync(app, company.Id, [Samples.UsLine(outsider.Id, 100m)]);
        var terminated = await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 100m), Samples.UsLine(gone.Id, 100m)]);
        var empty = await CreateAsync(app, company.Id, []);
        var negative = await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, -1m)]);
        var reversed = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            company.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 5), "monthly", [Samples.UsLine(ada.Id, 100m)]));
        var noTables = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            company.Id, new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 31), new DateOnly(2019, 1, 31), "monthly", [Samples.UsLine(ada.Id, 100m)]));

        duplicate.FirstError.Field.ShouldBe("lines[1].employeeId");
        foreign.FirstError.Field.ShouldBe("lines[0].employeeId");
        foreign.FirstError.Code.ShouldBe("payroll.unknown_employee");
        terminated.FirstError.Field.ShouldBe("lines[1].employeeId");
        terminated.FirstError.Code.ShouldBe("payroll.employee_terminated");
        empty.FirstError.Field.ShouldBe("lines");
        negative.FirstError.Field.ShouldBe("lines[0].grossWages");
        reversed.FirstError.Field.ShouldBe("periodStart");
        noTables.FirstError.Field.ShouldBe("payDate");
        noTables.FirstError.Message.ShouldContain("2026");
        (await CountAsync(app, "payrolls")).ShouldBe(0);
        (await CountAsync(app, "payroll_lines")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lifecycle_WhenApprovedThenVoided_ShouldRefuseEditsAndSecondTransitions(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var draft = (await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 5000m)])).Value!;

        var voidDraft = await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(company.Id, draft.Id, "mistake"));
        var edited = await app.SendAsync<Result<PayrollDto>>(new ReplacePayrollLines(company.Id, draft.Id, [Samples.UsLine(ada.Id, 6000m)]));
        var approved = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, draft.Id));
        var approvedTwice = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, draft.Id));
        var editApproved = await app.SendAsync<Result<PayrollDto>>(new ReplacePayrollLines(company.Id, draft.Id, [Samples.UsLine(ada.Id, 7000m)]));
        var noReason = await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(company.Id, draft.Id, "  "));
        var voided = await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(company.Id, draft.Id, "Paid twice by mistake"));
        var voidTwice = await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(company.Id, draft.Id, "again"));
        var missing = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, Guid.CreateVersion7()));

        voidDraft.FirstError.Type.ShouldBe(ErrorType.Conflict);
        edited.Value!.Totals.GrossWages.ShouldBe(6000m);
        approved.Value!.Status.ShouldBe("approved");
        approved.Value.ApprovedAt.ShouldNotBeNull();
        approvedTwice.FirstError.Code.ShouldBe("payroll.not_draft");
        editApproved.FirstError.Type.ShouldBe(ErrorType.Conflict);
        noReason.FirstError.Field.ShouldBe("reason");
        voided.Value!.Status.ShouldBe("voided");
        voided.Value.VoidReason.ShouldBe("Paid twice by mistake");
        voidTwice.FirstError.Code.ShouldBe("payroll.not_approved");
        missing.FirstError.Type.ShouldBe(ErrorType.NotFound);
        var stored = (await app.SendAsync<Result<PayrollDto>>(new GetPayroll(company.Id, draft.Id))).Value!;
        stored.Status.ShouldBe("voided");
        stored.Totals.GrossWages.ShouldBe(6000m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task YearToDate_WhenMonthlyPayCrossesTheWageBaseAndTheAdditionalMedicareThreshold_ShouldStopAndStartInTheRightMonth(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var earner = await app.EmployeeAsync(company.Id, "123-45-6789");

        var lines = new List<PayrollLineDto>();
        for (var month = 1; month <= 6; month++)
        {
            var payroll = (await CreateAsync(app, company.Id, [Samples.UsLine(earner.Id, 40_000m)], month)).Value!;
            (await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, payroll.Id))).IsSuccess.ShouldBeTrue();
            lines.Add(payroll.Lines[0]);
        }

        // 2026 wage base 184,500: four months make 160,000, so May taxes only 24,500 and June nothing.
        lines[3].Withholdings().SocialSecurity.ShouldBe(2480.00m);
        lines[4].TaxableWages().SocialSecurity.ShouldBe(24_500m);
        lines[4].Withholdings().SocialSecurity.ShouldBe(1519.00m);
        lines[4].EmployerTaxes().SocialSecurity.ShouldBe(1519.00m);
        lines[5].Withholdings().SocialSecurity.ShouldBe(0m);
        lines.Sum(l => l.Withholdings().SocialSecurity).ShouldBe(11_439.00m);

        // Five months make exactly 200,000, so Additional Medicare starts with June's wages.
        lines[4].Withholdings().AdditionalMedicare.ShouldBe(0m);
        lines[5].TaxableWages().AdditionalMedicare.ShouldBe(40_000m);
        lines[5].Withholdings().AdditionalMedicare.ShouldBe(360.00m);
        lines.ShouldAllBe(l => l.Withholdings().Medicare == 580.00m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Approve_WhenYearToDateMovedSinceTheDraft_ShouldRefuseUntilTheLinesAreRecomputed(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var earner = await app.EmployeeAsync(company.Id, "123-45-6789");
        var january = (await CreateAsync(app, company.Id, [Samples.UsLine(earner.Id, 100_000m)], 1)).Value!;
        var february = (await CreateAsync(app, company.Id, [Samples.UsLine(earner.Id, 100_000m)], 2)).Value!;
        february.Lines[0].Withholdings().SocialSecurity.ShouldBe(6200.00m);

        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, january.Id));
        var stale = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, february.Id));
        var recomputed = await app.SendAsync<Result<PayrollDto>>(new ReplacePayrollLines(company.Id, february.Id, [Samples.UsLine(earner.Id, 100_000m)]));
        var approved = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, february.Id));

        stale.FirstError.Code.ShouldBe("payroll.stale");
        recomputed.Value!.Lines[0].Withholdings().SocialSecurity.ShouldBe(5239.00m);
        approved.Value!.Status.ShouldBe("approved");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Void_WhenEarlierPayrollVoided_ShouldFlagLaterPayrollsAndDropItFromYearToDate(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var earner = await app.EmployeeAsync(company.Id, "123-45-6789");
        var bystander = await app.EmployeeAsync(company.Id, "234-56-7890", "Grace", "Hopper");
        var january = (await CreateAsync(app, company.Id, [Samples.UsLine(earner.Id, 100_000m)], 1)).Value!;
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, january.Id));
        var february = (await CreateAsync(app, company.Id, [Samples.UsLine(earner.Id, 100_000m)], 2)).Value!;
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, february.Id));
        var unrelated = (await CreateAsync(app, company.Id, [Samples.UsLine(bystander.Id, 3000m)], 2)).Value!;

        await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(company.Id, january.Id, "Wrong bank file"));
        var march = (await CreateAsync(app, company.Id, [Samples.UsLine(earner.Id, 100_000m)], 3)).Value!;

        var februaryAfter = (await app.SendAsync<Result<PayrollDto>>(new GetPayroll(company.Id, february.Id))).Value!;
        februaryAfter.NeedsReview.ShouldBeTrue();
        februaryAfter.ReviewReason!.ShouldContain("voided");
        februaryAfter.Lines[0].Withholdings().ShouldBe(february.Lines[0].Withholdings());
        (await app.SendAsync<Result<PayrollDto>>(new GetPayroll(company.Id, unrelated.Id))).Value!.NeedsReview.ShouldBeFalse();

        // Only February's 84,500 of Social Security wages count now: March taxes the remaining 100,000 of the 184,500 base.
        march.Lines[0].Withholdings().SocialSecurity.ShouldBe(6200.00m);
        february.Lines[0].TaxableWages().SocialSecurity.ShouldBe(84_500m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task W4History_WhenFormChangesMidYear_ShouldUseTheFormInEffectOnEachPayDateAndKeepOldPayrollsAsComputed(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789", hireDate: new DateOnly(2026, 1, 1));
        var february = (await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 6000m)], 2)).Value!;

        await app.SendAsync<Result<EmployeeDto>>(new UpdateEmployee(company.Id, ada.Id, default, default, default, default)
        {
            Fields = RegimeFields.Members(new { w4 = new WithholdingW4("2020", "married_filing_jointly"), w4EffectiveDate = new DateOnly(2026, 3, 1) }),
        });
        var march = (await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 6000m)], 3)).Value!;
        var februaryRecomputed = (await app.SendAsync<Result<PayrollDto>>(new ReplacePayrollLines(company.Id, february.Id, [Samples.UsLine(ada.Id, 6000m)]))).Value!;

        var single = (await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(2026, "monthly", 6000m, W4: new WithholdingW4("2020", "single")))).Value!;
        var married = (await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(2026, "monthly", 6000m, W4: new WithholdingW4("2020", "married_filing_jointly")))).Value!;
        february.Lines[0].Withholdings().FederalIncomeTax.ShouldBe(single.FederalIncomeTax);
        februaryRecomputed.Lines[0].Withholdings().FederalIncomeTax.ShouldBe(single.FederalIncomeTax);
        februaryRecomputed.Lines[0].W4EffectiveDate().ShouldBe(new DateOnly(2026, 1, 1));
        march.Lines[0].Withholdings().FederalIncomeTax.ShouldBe(married.FederalIncomeTax);
        march.Lines[0].W4EffectiveDate().ShouldBe(new DateOnly(2026, 3, 1));
        married.FederalIncomeTax.ShouldBeLessThan(single.FederalIncomeTax);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WithholdingReport_WhenQuarterHasApprovedDraftAndVoidedPayrolls_ShouldSumOnlyApprovedLinesToTheCent(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var grace = await app.EmployeeAsync(company.Id, "234-56-7890", "Grace", "Hopper", new WithholdingW4("2020", "head_of_household", Step3Dependents: 2000m));
        var approved = new List<PayrollDto>();
        foreach (var (month, wages) in new[] { (1, 4321.09m), (2, 5432.10m), (3, 6543.21m) })
        {
            var payroll = (await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, wages), Samples.UsLine(grace.Id, decimal.Round(wages / 2, 2), 123.45m)], month)).Value!;
            approved.Add((await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, payroll.Id))).Value!);
        }

        var voided = (await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 9999m)], 2)).Value!;
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, voided.Id));
        await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(company.Id, voided.Id, "duplicate"));
        await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 7777m)], 3);
        await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 8888m)], 4);

        var report = (await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(company.Id, 2026, 1, null))).Value!;
        var march = (await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(company.Id, 2026, null, 3))).Value!;

        var lines = approved.SelectMany(p => p.Lines).ToArray();
        report.EmployeeCount.ShouldBe(2);
        report.Months().Select(m => m.Month).ShouldBe([1, 2, 3]);
        report.Totals().Wages.ShouldBe(lines.Sum(l => l.GrossWages + l.SupplementalWages));
        report.Totals().FederalIncomeTax.ShouldBe(lines.Sum(l => l.Withholdings().FederalIncomeTax));
        report.Totals().SocialSecurityWages.ShouldBe(lines.Sum(l => l.TaxableWages().SocialSecurity));
        report.Totals().SocialSecurityEmployee.ShouldBe(lines.Sum(l => l.Withholdings().SocialSecurity));
        report.Totals().SocialSecurityEmployer.ShouldBe(lines.Sum(l => l.EmployerTaxes().SocialSecurity));
        report.Totals().MedicareEmployee.ShouldBe(lines.Sum(l => l.Withholdings().Medicare));
        report.Totals().MedicareEmployer.ShouldBe(lines.Sum(l => l.EmployerTaxes().Medicare));
        report.Totals().TotalLiability.ShouldBe(lines.Sum(l => l.Withholdings().FederalIncomeTax + l.Withholdings().SocialSecurity + l.Withholdings().Medicare
            + l.Withholdings().AdditionalMedicare + l.EmployerTaxes().SocialSecurity + l.EmployerTaxes().Medicare));
        report.Totals().PayrollCount.ShouldBe(3);
        march.Months().ShouldHaveSingleItem().FederalIncomeTax.ShouldBe(approved[2].Totals.FederalIncomeTax());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListPayrolls_WhenFiltered_ShouldReturnMatchingPayrollsWithTotals(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var january = (await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 1000m)], 1)).Value!;
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, january.Id));
        var february = (await CreateAsync(app, company.Id, [Samples.UsLine(ada.Id, 2000m)], 2)).Value!;

        var all = (await app.SendAsync<Result<Page<PayrollSummaryDto>>>(new ListPayrolls(company.Id, 2026))).Value!;
        var drafts = (await app.SendAsync<Result<Page<PayrollSummaryDto>>>(new ListPayrolls(company.Id, 2026, Status: "draft"))).Value!;
        var january2 = (await app.SendAsync<Result<Page<PayrollSummaryDto>>>(new ListPayrolls(company.Id, 2026, 1))).Value!;
        var badMonth = await app.SendAsync<Result<Page<PayrollSummaryDto>>>(new ListPayrolls(company.Id, 2026, 13));

        all.Items.Select(p => p.Id).ShouldBe([january.Id, february.Id]);
        drafts.Items.ShouldHaveSingleItem().Totals.Json().ShouldBe(february.Totals.Json());
        january2.Items.ShouldHaveSingleItem().Status.ShouldBe("approved");
        badMonth.FirstError.Field.ShouldBe("month");
    }

    private static Task<Result<PayrollDto>> CreateAsync(PayrollApp app, Guid companyId, PayrollLineRequest[] lines, int month = 1)
    {
        var start = new DateOnly(2026, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        return app.SendAsync<Result<PayrollDto>>(new CreatePayroll(companyId, start, end, end, "monthly", lines));
    }

    private static async Task<long> CountAsync(PayrollApp app, string table)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
