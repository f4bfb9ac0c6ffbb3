using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Payrolls;

/// <summary>The withholding report asked for without a period: the quarter of the latest approved payroll.</summary>
public sealed class WithholdingReportDefaultTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Report_WithoutAYear_ShouldBeTheQuarterOfTheLatestApprovedPayDate(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var before = Quarter(clock);
        var empty = (await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(company.Id, null, null, null))).Value!;
        var after = Quarter(clock);
        foreach (var (payDate, approve) in new[] { (new DateOnly(2025, 11, 28), true), (new DateOnly(2026, 5, 29), true), (new DateOnly(2026, 9, 30), false) })
        {
            var payroll = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
                company.Id, new DateOnly(payDate.Year, payDate.Month, 1), payDate, payDate, "monthly", [Samples.UsLine(ada.Id, 5000m)]))).Value!;
            if (approve)
            {
                (await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, payroll.Id))).IsSuccess.ShouldBeTrue();
            }
        }

        var latest = (await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(company.Id, null, null, null))).Value!;
        var monthWithoutYear = await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(company.Id, null, null, 5));

        new[] { before, after }.ShouldContain((empty.Year, empty.Quarter!.Value), "with no approved payroll, the current quarter");
        (latest.Year, latest.Quarter).ShouldBe((2026, 2), "May's approved payroll, not September's draft");
        latest.EmployeeCount.ShouldBe(1);
        var error = monthWithoutYear.Errors.ShouldHaveSingleItem();
        (error.Code, error.Field).ShouldBe(("report.year_required", "year"));
    }

    private static (int Year, int Quarter) Quarter(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return (now.Year, ((now.Month - 1) / 3) + 1);
    }
}
