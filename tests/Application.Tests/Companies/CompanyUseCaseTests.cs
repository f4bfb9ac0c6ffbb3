using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Companies;

/// <summary>Every company use case through the real pipeline (ISender), on both databases.</summary>
public sealed class CompanyUseCaseTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateCompany_WhenValid_ShouldStoreTrimmedNameAndReadBack(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        var created = await app.SendAsync<Result<CompanyDto>>(new CreateCompany("  Acme Payroll ", "acme-payroll", "12-3456789"));

        created.IsSuccess.ShouldBeTrue();
        created.Value!.Name.ShouldBe("Acme Payroll");
        created.Value.Id.Version.ShouldBe(7);
        var read = await app.SendAsync<Result<CompanyDto>>(new GetCompany(created.Value.Id));
        read.Value.ShouldBe(created.Value with { CreatedAt = read.Value!.CreatedAt, UpdatedAt = read.Value.UpdatedAt });
        read.Value.CreatedAt.ShouldBe(created.Value.CreatedAt, TimeSpan.FromTicks(10));
        read.Value.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        (await CountAsync(app, "companies")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateCompany_WhenSlugTaken_ShouldReturnConflictAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await app.SendAsync<Result<CompanyDto>>(new CreateCompany("First", "acme", null));

        var second = await app.SendAsync<Result<CompanyDto>>(new CreateCompany("Second", "acme", null));

        second.FirstError.Type.ShouldBe(ErrorType.Conflict);
        second.FirstError.Code.ShouldBe("company.slug_taken");
        (await CountAsync(app, "companies")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateCompany_WhenFieldsInvalid_ShouldReturnOneValidationErrorPerFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        var result = await app.SendAsync<Result<CompanyDto>>(new CreateCompany("   ", "Not A Slug", "123"));

        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldAllBe(e => e.Type == ErrorType.Validation);
        result.Errors.Select(e => e.Field).ShouldBe(["name", "slug", "ein"], ignoreOrder: true);
        (await CountAsync(app, "companies")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateCompany_WhenNameAndEinGiven_ShouldChangeOnlyThose(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var created = (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("Acme", "acme", "12-3456789"))).Value!;

        var renamed = await app.SendAsync<Result<CompanyDto>>(
            new UpdateCompany(created.Id, Optional<string?>.Of(" Acme Two "), Optional<string?>.Absent, Optional<string?>.Absent));
        var cleared = await app.SendAsync<Result<CompanyDto>>(
            new UpdateCompany(created.Id, Optional<string?>.Absent, Optional<string?>.Of(null), Optional<string?>.Of("acme")));

        renamed.Value!.Name.ShouldBe("Acme Two");
        renamed.Value.Ein.ShouldBe("12-3456789");
        cleared.Value!.Name.ShouldBe("Acme Two");
        cleared.Value.Ein.ShouldBeNull();
        cleared.Value.Slug.ShouldBe("acme");
        var stored = (await app.SendAsync<Result<CompanyDto>>(new GetCompany(created.Id))).Value!;
        stored.Name.ShouldBe("Acme Two");
        stored.Ein.ShouldBeNull();
        stored.UpdatedAt.ShouldBeGreaterThan(stored.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateCompany_WhenSlugChangesOrInputInvalid_ShouldRefuseAndKeepStoredValues(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var created = (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("Acme", "acme", null))).Value!;

        var slugChange = await app.SendAsync<Result<CompanyDto>>(
            new UpdateCompany(created.Id, Optional<string?>.Of("New name"), Optional<string?>.Absent, Optional<string?>.Of("other")));
        var badEin = await app.SendAsync<Result<CompanyDto>>(
            new UpdateCompany(created.Id, Optional<string?>.Absent, Optional<string?>.Of("nope"), Optional<string?>.Absent));
        var missing = await app.SendAsync<Result<CompanyDto>>(
            new UpdateCompany(Guid.CreateVersion7(), Optional<string?>.Of("X"), Optional<string?>.Absent, Optional<string?>.Absent));

        slugChange.FirstError.Code.ShouldBe("company.slug_immutable");
        badEin.FirstError.Field.ShouldBe("ein");
        missing.FirstError.Type.ShouldBe(ErrorType.NotFound);
        var stored = (await app.SendAsync<Result<CompanyDto>>(new GetCompany(created.Id))).Value!;
        stored.Name.ShouldBe("Acme");
        stored.Slug.ShouldBe("acme");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetCompany_WhenMissing_ShouldBeNotFound(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        var result = await app.SendAsync<Result<CompanyDto>>(new GetCompany(Guid.CreateVersion7()));

        result.FirstError.Type.ShouldBe(ErrorType.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListCompanies_WhenWalkingPages_ShouldReturnEachCompanyOnceInCreationOrder(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var created = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            created.Add((await app.SendAsync<Result<CompanyDto>>(new CreateCompany($"Company {i}", $"company-{i:00}", null))).Value!.Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await app.SendAsync<Result<Page<CompanyDto>>>(new ListCompanies(5, cursor))).Value!;
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.ShouldBe(5);
        seen.ShouldBe(created);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListCompanies_WhenLimitOrCursorInvalid_ShouldReturnValidationErrors(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        var tooMany = await app.SendAsync<Result<Page<CompanyDto>>>(new ListCompanies(501));
        var zero = await app.SendAsync<Result<Page<CompanyDto>>>(new ListCompanies(0));
        var badCursor = await app.SendAsync<Result<Page<CompanyDto>>>(new ListCompanies(10, "not-a-cursor"));

        tooMany.FirstError.Field.ShouldBe("limit");
        zero.FirstError.Field.ShouldBe("limit");
        badCursor.FirstError.Field.ShouldBe("cursor");
    }

    private static async Task<long> CountAsync(PayrollApp app, string table)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
