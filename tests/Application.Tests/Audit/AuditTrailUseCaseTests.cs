using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Audit;

/// <summary>The audit page's reads (issue 26): the entity and actor filters, keyset paging, and the chains' verification.</summary>
public sealed class AuditTrailUseCaseTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAuditEvents_WhenFilteredByEntityOrActor_ShouldListOnlyThoseEventsPageByPage(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var (member, _) = await app.CreateMemberAsync("company_admin", company.Id);
        (await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(company.Id, Optional<string?>.Of("Acme by the admin"), default, default))).IsSuccess.ShouldBeTrue();
        for (var i = 1; i <= 3; i++)
        {
            (await app.SendAsAsync<Result<CompanyDto>>(member, new UpdateCompany(company.Id, Optional<string?>.Of($"Acme {i}"), default, default)))
                .IsSuccess.ShouldBeTrue();
        }

        var employeeEvents = await ListAsync(app, new ListAuditEvents(company.Id, null, null, null, EntityType: "employee", EntityId: ada.Id));
        var companyEvents = await ListAsync(app, new ListAuditEvents(company.Id, null, null, null, EntityType: "company"));
        var byMember = await WalkAsync(app, new ListAuditEvents(company.Id, AuditActions.CompanyUpdated, null, null, Limit: 2, ActorId: member.UserId));
        var byNobody = await ListAsync(app, new ListAuditEvents(company.Id, null, null, null, ActorId: Guid.CreateVersion7()));

        employeeEvents.ShouldHaveSingleItem().Action.ShouldBe(AuditActions.EmployeeCreated);
        companyEvents.Select(e => e.Action).ShouldBe([AuditActions.CompanyCreated, .. Enumerable.Repeat(AuditActions.CompanyUpdated, 4)]);
        byMember.Pages.ShouldBe(2);
        byMember.Events.Select(e => e.Details.GetProperty("name").GetString()).ShouldBe(["Acme 1", "Acme 2", "Acme 3"]);
        byMember.Events.ShouldAllBe(e => e.Actor == member.Actor);
        byNobody.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAuditEvents_WhenEntityTypeIsNotATargetType_ShouldNameIt(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        var result = await app.SendAsync<Result<Page<AuditEventDto>>>(new ListAuditEvents(null, null, null, null, EntityType: "Payroll; DROP"));

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("entityType");
        result.FirstError.Code.ShouldBe("audit.entity_type_invalid");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task VerifyAuditTrail_WhenIntactAndThenAltered_ShouldCountEveryEventAndKeepOnlyTheFirstProblems(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        for (var i = 0; i < 24; i++)
        {
            await app.CompanyAsync($"company-{i:00}");
        }

        var events = await CountAsync(app, "SELECT count(*) FROM audit_events");
        var chains = await CountAsync(app, "SELECT count(DISTINCT chain) FROM audit_events");
        var intact = (await app.SendAsync<Result<AuditVerificationReport>>(new VerifyAuditTrail())).Value!;
        await ExecuteAsync(app, "UPDATE audit_events SET details = '{\"edited\":true}'");
        var altered = (await app.SendAsync<Result<AuditVerificationReport>>(new VerifyAuditTrail())).Value!;

        (intact.IsIntact, intact.Events, intact.Chains, intact.FirstProblem).ShouldBe((true, events, (int)chains, null));
        events.ShouldBeGreaterThan(VerifyAuditTrail.MaxProblems, "enough events to see the list bounded");
        altered.IsIntact.ShouldBeFalse();
        altered.ProblemCount.ShouldBe(events, "every event was edited");
        altered.BrokenChains.ShouldBe((int)chains);
        altered.Problems.Count.ShouldBe(VerifyAuditTrail.MaxProblems);
        altered.FirstProblem!.ShouldStartWith("altered event: chain ");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task VerifyAuditTrail_WhenACompanyAdminAsks_ShouldBeForbidden(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var (companyAdmin, _) = await app.CreateMemberAsync("company_admin", company.Id);

        var result = await app.SendAsAsync<Result<AuditVerificationReport>>(companyAdmin, new VerifyAuditTrail());

        result.FirstError.Type.ShouldBe(ErrorType.Forbidden);
    }

    private static async Task<IReadOnlyList<AuditEventDto>> ListAsync(PayrollApp app, ListAuditEvents query)
    {
        var result = await app.SendAsync<Result<Page<AuditEventDto>>>(query);
        result.IsSuccess.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!.Items;
    }

    private static async Task<(List<AuditEventDto> Events, int Pages)> WalkAsync(PayrollApp app, ListAuditEvents query)
    {
        var events = new List<AuditEventDto>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = (await app.SendAsync<Result<Page<AuditEventDto>>>(query with { Cursor = cursor })).Value!;
            events.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        return (events, pages);
    }

    private static async Task<long> CountAsync(PayrollApp app, string sql)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task ExecuteAsync(PayrollApp app, string sql)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }
}
