using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Periods;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Periods;

/// <summary>Closing a month of pay dates and reopening it, through the real pipeline on both databases.</summary>
public sealed class PeriodCloseTests
{
    private static readonly DateOnly March25 = new(2026, 3, 25);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Close_WhenADraftIsPaidInTheMonth_ShouldRefuseNamingItAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var approved = await PayrollAsync(app, company.Id, ada.Id, new DateOnly(2026, 3, 10));
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, approved.Id));
        var draft = await PayrollAsync(app, company.Id, ada.Id, March25);

        var result = await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(company.Id, "2026-03"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("period.drafts_open");
        error.Type.ShouldBe(ErrorType.Conflict);
        error.Message.ShouldContain(draft.Id.ToString());
        error.Message.ShouldContain("2026-03-25");
        error.Message.ShouldNotContain(approved.Id.ToString());
        (await ClosingRowsAsync(app)).ShouldBe(0);
        (await AuditActionsAsync(app, company.Id)).ShouldNotContain(AuditActions.PeriodClosed);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WritesInAClosedMonth_ShouldEachGet409PeriodClosedAndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var payroll = await PayrollAsync(app, company.Id, ada.Id, March25);
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, payroll.Id));

        var closed = await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(company.Id, "2026-03"));

        closed.IsSuccess.ShouldBeTrue(string.Join("; ", closed.Errors));
        closed.Value!.Status.ShouldBe(PeriodDto.Closed);
        closed.Value.Approved.ShouldBe(1);
        closed.Value.ClosedBy.ShouldBe(PayrollApp.AdminEmail);
        var before = await PayrollsJsonAsync(app);

        var post = await app.SendAsync<Result<PayrollDto>>(NewPayroll(company.Id, ada.Id, new DateOnly(2026, 3, 31)));
        var replace = await app.SendAsync<Result<PayrollDto>>(new ReplacePayrollLines(company.Id, payroll.Id, [Samples.UsLine(ada.Id, 9000m)]));
        var approve = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, payroll.Id));
        var voided = await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(company.Id, payroll.Id, "Paid twice"));

        foreach (var refused in new[] { post, replace, approve, voided })
        {
            refused.Errors.ShouldHaveSingleItem().Code.ShouldBe("period.closed");
            refused.Errors[0].Type.ShouldBe(ErrorType.Conflict);
        }

        (await PayrollsJsonAsync(app)).ShouldBe(before);
        var april = await app.SendAsync<Result<PayrollDto>>(NewPayroll(company.Id, ada.Id, new DateOnly(2026, 4, 1)));
        april.IsSuccess.ShouldBeTrue("the next month stays open");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reopen_WithAReason_ShouldOpenTheMonthAgainAndAuditBothEventsWithIt(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var payroll = await PayrollAsync(app, company.Id, ada.Id, March25);
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, payroll.Id));
        await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(company.Id, "2026-03"));

        var shortReason = await app.SendAsync<Result<PeriodDto>>(new ReopenPeriod(company.Id, "2026-03", "typo"));
        var closedAgain = await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(company.Id, "2026-03"));
        var reopened = await app.SendAsync<Result<PeriodDto>>(new ReopenPeriod(company.Id, "2026-03", "  Bonus was paid to the wrong employee  "));
        var reopenedTwice = await app.SendAsync<Result<PeriodDto>>(new ReopenPeriod(company.Id, "2026-03", "Another ten-character reason"));

        var invalid = shortReason.Errors.ShouldHaveSingleItem();
        (invalid.Code, invalid.Field).ShouldBe(("period.reopen_reason_required", "reason"));
        closedAgain.Errors.ShouldHaveSingleItem().Code.ShouldBe("period.already_closed");
        reopened.Value!.Status.ShouldBe(PeriodDto.InProgress);
        reopened.Value.ClosedAt.ShouldBeNull();
        reopenedTwice.Errors.ShouldHaveSingleItem().Code.ShouldBe("period.not_closed");
        (await ClosingRowsAsync(app)).ShouldBe(0);
        (await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(company.Id, payroll.Id, "Paid twice"))).Value!.Status.ShouldBe("voided");

        var events = (await app.SendAsync<Result<Page<AuditEventDto>>>(new ListAuditEvents(company.Id, null, null, null))).Value!.Items;
        var reopenEvent = events.Single(e => e.Action == AuditActions.PeriodReopened);
        reopenEvent.Details.GetProperty("reason").GetString().ShouldBe("Bonus was paid to the wrong employee");
        reopenEvent.Details.GetProperty("month").GetString().ShouldBe("2026-03");
        reopenEvent.Details.GetProperty("closedBy").GetString().ShouldBe(PayrollApp.AdminEmail);
        events.Count(e => e.Action == AuditActions.PeriodClosed).ShouldBe(1);
        events.Single(e => e.Action == AuditActions.PeriodClosed).Details.GetProperty("month").GetString().ShouldBe("2026-03");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Close_WhenTheMonthIsWrittenBadly_ShouldNameTheField(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();

        foreach (var month in new[] { "2026-3", "2026-13", "March", "2026-03-01", "" })
        {
            var error = (await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(company.Id, month))).Errors.ShouldHaveSingleItem();
            (error.Code, error.Field).ShouldBe(("period.invalid_month", "month"), month);
        }

        (await ClosingRowsAsync(app)).ShouldBe(0);
    }

    private static CreatePayroll NewPayroll(Guid companyId, Guid employeeId, DateOnly payDate) =>
        new(companyId, new DateOnly(payDate.Year, payDate.Month, 1), payDate, payDate, "monthly", [Samples.UsLine(employeeId, 5000m)]);

    private static async Task<PayrollDto> PayrollAsync(PayrollApp app, Guid companyId, Guid employeeId, DateOnly payDate)
    {
        var result = await app.SendAsync<Result<PayrollDto>>(NewPayroll(companyId, employeeId, payDate));
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    private static async Task<long> ClosingRowsAsync(PayrollApp app)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM period_closings");
    }

    /// <summary>Every payroll's status, flags and line figures, to compare before and after refused writes.</summary>
    private static async Task<string> PayrollsJsonAsync(PayrollApp app)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var payrolls = await connection.QueryAsync<string>(
            "SELECT p.status || '|' || p.updated_at || '|' || l.gross_wages || '|' || l.net_pay FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id ORDER BY p.created_at");
        return string.Join("\n", payrolls);
    }

    private static async Task<IReadOnlyList<string>> AuditActionsAsync(PayrollApp app, Guid companyId) =>
        [.. (await app.SendAsync<Result<Page<AuditEventDto>>>(new ListAuditEvents(companyId, null, null, null))).Value!.Items.Select(e => e.Action)];
}
