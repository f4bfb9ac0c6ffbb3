using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Periods;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Periods;

/// <summary>The closing dashboard's list, through the real pipeline on both databases.</summary>
public sealed class ClosingsListTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListClosings_ShouldShowEachCompanysMonthsAsClosedInProgressOrNone(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var acme = await app.CompanyAsync("acme");
        var globex = await app.CompanyAsync("globex");
        var quiet = await app.CompanyAsync("quiet");
        var ada = await app.EmployeeAsync(acme.Id, "123-45-6789");
        var hal = await app.EmployeeAsync(globex.Id, "234-56-7890");
        var january = await PayrollAsync(app, acme.Id, ada.Id, new DateOnly(2026, 1, 30));
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(acme.Id, january.Id));
        (await app.SendAsync<Result<PeriodDto>>(new ClosePeriod(acme.Id, "2026-01"))).IsSuccess.ShouldBeTrue();
        await PayrollAsync(app, acme.Id, ada.Id, new DateOnly(2026, 2, 27));
        await PayrollAsync(app, acme.Id, ada.Id, new DateOnly(2026, 2, 13));
        var voided = await PayrollAsync(app, globex.Id, hal.Id, new DateOnly(2026, 2, 27));
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(globex.Id, voided.Id));
        await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(globex.Id, voided.Id, "Wrong employee"));
        await PayrollAsync(app, globex.Id, hal.Id, new DateOnly(2026, 3, 31));
        await PayrollAsync(app, globex.Id, hal.Id, new DateOnly(2026, 4, 30)); // outside the range asked for

        var all = await ListAsync(app, new ListClosings("2026-01", "2026-03", null, null));
        var closedOnly = await ListAsync(app, new ListClosings("2026-01", "2026-03", null, PeriodDto.Closed));
        var acmeRow = await ListAsync(app, new ListClosings("2025-12", "2026-03", acme.Id, null));
        var quietRow = await ListAsync(app, new ListClosings("2026-01", "2026-03", quiet.Id, null));

        all.Items.Select(i => (i.CompanyName, i.Month, i.Status, i.Payrolls)).ShouldBe(
        [
            ("Company acme", "2026-01", "closed", 1),
            ("Company acme", "2026-02", "in_progress", 2),
            ("Company globex", "2026-03", "in_progress", 1),
        ]);
        all.Items.ShouldAllBe(i => i.UpdatedAt != null);
        all.NextCursor.ShouldBeNull();
        closedOnly.Items.Select(i => (i.CompanyId, i.Month)).ShouldBe([(acme.Id, "2026-01")]);
        acmeRow.Items.Select(i => (i.Month, i.Status)).ShouldBe([("2025-12", "none"), ("2026-01", "closed"), ("2026-02", "in_progress"), ("2026-03", "none")]);
        acmeRow.Items[0].UpdatedAt.ShouldBeNull();
        quietRow.Items.Select(i => i.Status).ShouldBe(["none", "none", "none"]);
        quietRow.Items.ShouldAllBe(i => i.CompanyName == "Company quiet" && i.Payrolls == 0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListClosings_WhenPaged_ShouldReturnEveryRowOnceInOrder(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var expected = new List<(string, string)>();
        foreach (var slug in new[] { "first", "second" })
        {
            var company = await app.CompanyAsync(slug);
            var employee = await app.EmployeeAsync(company.Id, "123-45-6789");
            for (var month = 1; month <= 5; month++)
            {
                await PayrollAsync(app, company.Id, employee.Id, new DateOnly(2026, month, 28));
                expected.Add(($"Company {slug}", $"2026-{month:00}"));
            }
        }

        var seen = new List<(string, string)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(app, new ListClosings("2026-01", "2026-12", null, null, Limit: 3, Cursor: cursor));
            seen.AddRange(page.Items.Select(i => (i.CompanyName, i.Month)));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        seen.ShouldBe(expected);
        pages.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListClosings_WhenTheFilterIsBad_ShouldNameTheField(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        Field(await app.SendAsync<Result<Page<ClosingDto>>>(new ListClosings("2026-1", "2026-03", null, null))).ShouldBe(("period.invalid_month", "from"));
        Field(await app.SendAsync<Result<Page<ClosingDto>>>(new ListClosings("2026-01", null, null, null))).ShouldBe(("period.invalid_month", "to"));
        Field(await app.SendAsync<Result<Page<ClosingDto>>>(new ListClosings("2026-04", "2026-03", null, null))).ShouldBe(("closings.range_invalid", "to"));
        Field(await app.SendAsync<Result<Page<ClosingDto>>>(new ListClosings("2010-01", "2026-03", null, null))).ShouldBe(("closings.range_invalid", "to"));
        Field(await app.SendAsync<Result<Page<ClosingDto>>>(new ListClosings("2026-01", "2026-03", null, "open"))).ShouldBe(("closings.status_invalid", "status"));
        Field(await app.SendAsync<Result<Page<ClosingDto>>>(new ListClosings("2026-01", "2026-03", null, null, Cursor: "nope"))).ShouldBe(("paging.cursor_invalid", "cursor"));
        (await app.SendAsync<Result<Page<ClosingDto>>>(new ListClosings("2026-01", "2026-03", Guid.NewGuid(), null))).Errors.ShouldHaveSingleItem().Type.ShouldBe(ErrorType.NotFound);
    }

    private static (string Code, string? Field) Field(Result<Page<ClosingDto>> result)
    {
        var error = result.Errors.ShouldHaveSingleItem();
        return (error.Code, error.Field);
    }

    private static async Task<Page<ClosingDto>> ListAsync(PayrollApp app, ListClosings query)
    {
        var result = await app.SendAsync<Result<Page<ClosingDto>>>(query);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    private static async Task<PayrollDto> PayrollAsync(PayrollApp app, Guid companyId, Guid employeeId, DateOnly payDate)
    {
        var result = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            companyId, new DateOnly(payDate.Year, payDate.Month, 1), payDate, payDate, "monthly", [Samples.UsLine(employeeId, 5000m)]));
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}
