using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Companies;

/// <summary>The company settings page's rules (issue 26): registration number and address, through ISender on both databases.</summary>
public sealed class CompanySettingsTests
{
    private static readonly CompanyAddressDto Seoul = new("테헤란로 152", "12층", "서울특별시 강남구", "서울특별시", "06236", "kr");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateCompany_WhenRegistrationNumberAndAddressGiven_ShouldStoreThemAndAuditTheChange(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var created = (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("한빛 상사", "hanbit", null, "kr"))).Value!;

        var updated = await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(
            created.Id, Optional<string?>.Absent, Optional<string?>.Absent, Optional<string?>.Absent,
            Optional<string?>.Of("123-45-67891"), Optional<CompanyAddressDto?>.Of(Seoul)));

        updated.IsSuccess.ShouldBeTrue(string.Join("; ", updated.Errors.Select(e => e.Message)));
        var stored = (await app.SendAsync<Result<CompanyDto>>(new GetCompany(created.Id))).Value!;
        stored.RegistrationNumber.ShouldBe("123-45-67891");
        stored.Address.ShouldBe(Seoul with { Country = "KR" }, "the country is kept as its upper-case ISO code");
        (stored.Name, stored.Regime, stored.Currency).ShouldBe(("한빛 상사", "kr", "KRW"));
        var events = (await app.SendAsync<Result<Page<AuditEventDto>>>(
            new ListAuditEvents(created.Id, AuditActions.CompanyUpdated, null, null, EntityType: "company", EntityId: created.Id))).Value!.Items;
        var details = events.ShouldHaveSingleItem().Details;
        details.GetProperty("registrationNumber").GetString().ShouldBe("123-45-67891");
        details.GetProperty("address").GetProperty("city").GetString().ShouldBe("서울특별시 강남구");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateCompany_WhenAddressIsNull_ShouldClearItAndKeepTheRest(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var created = (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("Acme", "acme", "12-3456789"))).Value!;
        await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(created.Id, default, default, default,
            Address: Optional<CompanyAddressDto?>.Of(new CompanyAddressDto("100 Main Street", null, "Springfield", "IL", "62701", "US"))));

        var cleared = await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(created.Id, default, default, default,
            Address: Optional<CompanyAddressDto?>.Of(null)));

        cleared.Value!.Address.ShouldBeNull();
        var stored = (await app.SendAsync<Result<CompanyDto>>(new GetCompany(created.Id))).Value!;
        (stored.Address, stored.Ein, stored.Name).ShouldBe((null, "12-3456789", "Acme"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateCompany_WhenNumberOrAddressInvalid_ShouldNameEachFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var created = (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("한빛 상사", "hanbit", null, "kr"))).Value!;
        var eventsBefore = await CountAsync(app, "audit_events");

        var typo = await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(created.Id, Optional<string?>.Of("Renamed"), default, default,
            Optional<string?>.Of("123-45-67890")));
        var shape = await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(created.Id, default, default, default, Optional<string?>.Of("1234567891")));
        var address = await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(created.Id, default, default, default,
            Address: Optional<CompanyAddressDto?>.Of(new CompanyAddressDto(" ", null, null, null, new string('9', 21), "Korea"))));

        typo.Errors.ShouldHaveSingleItem().Code.ShouldBe("company.registration_number_check_digit");
        typo.FirstError.Field.ShouldBe("registrationNumber");
        shape.FirstError.Code.ShouldBe("company.registration_number_invalid");
        address.Errors.Select(e => e.Field).ShouldBe(["address.line1", "address.city", "address.postalCode", "address.country"], ignoreOrder: true);
        var stored = (await app.SendAsync<Result<CompanyDto>>(new GetCompany(created.Id))).Value!;
        (stored.Name, stored.RegistrationNumber, stored.Address).ShouldBe(("한빛 상사", null, null));
        (await CountAsync(app, "audit_events")).ShouldBe(eventsBefore);
    }

    private static async Task<long> CountAsync(PayrollApp app, string table)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
