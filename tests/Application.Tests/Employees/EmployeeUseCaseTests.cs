using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Employees;

public sealed class EmployeeUseCaseTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateEmployee_WhenValid_ShouldStoreSsnEncryptedAndShowOnlyLast4(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();

        var created = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(company.Id, " Ada ", "Lovelace", new DateOnly(2026, 1, 5), null)
        {
            Fields = RegimeFields.Members(new { ssn = "123-45-6789", payFrequency = "biweekly", exempt = false, w4 = new WithholdingW4("2020", "married_filing_jointly", Step3Dependents: 2000m, Step4cExtraWithholding: 12.5m) }),
        });

        var employee = created.Value!;
        employee.FirstName.ShouldBe("Ada");
        employee.SsnLast4.ShouldBe("6789");
        employee.SsnMasked.ShouldBe("***-**-6789");
        employee.W4().FilingStatus.ShouldBe("married_filing_jointly");
        employee.W4().Step3Dependents.ShouldBe(2000m);
        employee.W4().Step4cExtraWithholding.ShouldBe(12.5m);
        employee.W4EffectiveDate().ShouldBe(new DateOnly(2026, 1, 5));

        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var stored = await connection.QuerySingleAsync<(string Ciphertext, string BlindIndex, string Last4)>(
            "SELECT ssn_ciphertext, ssn_blind_index, ssn_last4 FROM employees");
        stored.Ciphertext.ShouldNotContain("123456789");
        stored.Ciphertext.ShouldNotContain("123-45-6789");
        stored.BlindIndex.ShouldNotContain("123456789");
        stored.Last4.ShouldBe("6789");
        app.Services.GetRequiredService<IPiiProtector>().Unprotect(stored.Ciphertext).ShouldBe("123456789");
        app.Logs.All.ShouldNotContain("123456789");
        app.Logs.All.ShouldNotContain("123-45-6789");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateEmployee_WhenSsnAlreadyInCompanyInAnyFormat_ShouldConflictButAllowOtherCompanies(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var acme = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        await app.EmployeeAsync(acme.Id, "123-45-6789");

        var duplicate = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(acme.Id, "Bob", "Other", new DateOnly(2026, 1, 1), null)
        {
            Fields = RegimeFields.Members(new { ssn = "123456789", payFrequency = "weekly", exempt = false, w4 = Samples.SingleW4 }),
        });
        var elsewhere = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(other.Id, "Bob", "Other", new DateOnly(2026, 1, 1), null)
        {
            Fields = RegimeFields.Members(new { ssn = "123456789", payFrequency = "weekly", exempt = false, w4 = Samples.SingleW4 }),
        });

        duplicate.FirstError.Code.ShouldBe("employee.ssn_taken");
        duplicate.FirstError.Type.ShouldBe(ErrorType.Conflict);
        elsewhere.IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateEmployee_WhenInputInvalid_ShouldNameEveryFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();

        var result = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(company.Id, "", "Lovelace", new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1))
        {
            Fields = RegimeFields.Members(new { ssn = "666-45-6789", payFrequency = "hourly", exempt = false, w4 = new WithholdingW4("2019", MaritalStatus: "widowed", Allowances: 100, ExtraWithholding: -5m) }),
        });

        result.Errors.Select(e => e.Field).ShouldBe(
            ["firstName", "ssn", "terminationDate", "payFrequency", "w4.maritalStatus", "w4.allowances", "w4.extraWithholding"], ignoreOrder: true);
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM employees")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateEmployee_WhenCompanyMissing_ShouldBeNotFound(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        var result = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(Guid.CreateVersion7(), "Ada", "Lovelace", new DateOnly(2026, 1, 1), null)
        {
            Fields = RegimeFields.Members(new { ssn = "123-45-6789", payFrequency = "weekly", exempt = false, w4 = Samples.SingleW4 }),
        });

        result.FirstError.Type.ShouldBe(ErrorType.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateEmployee_WhenW4ChangesWithEffectiveDate_ShouldKeepHistoryInOrder(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var employee = await app.EmployeeAsync(company.Id, "123-45-6789", hireDate: new DateOnly(2026, 1, 1));

        var changed = await app.SendAsync<Result<EmployeeDto>>(Update(company.Id, employee.Id) with
        {
            Fields = RegimeFields.Members(new { w4 = new WithholdingW4("2019", MaritalStatus: "married", Allowances: 3), w4EffectiveDate = new DateOnly(2026, 7, 1) }),
        });
        var missingDate = await app.SendAsync<Result<EmployeeDto>>(Update(company.Id, employee.Id) with
        {
            Fields = RegimeFields.Members(new { w4 = Samples.SingleW4 }),
        });

        changed.Value!.W4().MaritalStatus.ShouldBe("married");
        changed.Value!.W4().Allowances.ShouldBe(3);
        missingDate.FirstError.Field.ShouldBe("w4EffectiveDate");
        var stored = (await app.SendAsync<Result<EmployeeDto>>(new GetEmployee(company.Id, employee.Id))).Value!;
        stored.W4History().Select(h => h.EffectiveDate).ShouldBe([new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 1)]);
        stored.W4History()[0].W4.FilingStatus.ShouldBe("single");
        stored.W4History()[1].W4.Allowances.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateEmployee_WhenFieldsChange_ShouldSaveThemAndRefuseDuplicateSsnAndBadDates(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789", hireDate: new DateOnly(2026, 1, 1));
        await app.EmployeeAsync(company.Id, "234-56-7890", "Grace", "Hopper");

        var renamed = await app.SendAsync<Result<EmployeeDto>>(Update(company.Id, ada.Id) with
        {
            LastName = Optional<string?>.Of("King"),
            TerminationDate = Optional<DateOnly?>.Of(new DateOnly(2026, 9, 30)),
            Fields = RegimeFields.Members(new { ssn = "345-67-8901", payFrequency = "semimonthly" }),
        });
        var duplicate = await app.SendAsync<Result<EmployeeDto>>(Update(company.Id, ada.Id) with { Fields = RegimeFields.Members(new { ssn = "234567890" }) });
        var badDates = await app.SendAsync<Result<EmployeeDto>>(Update(company.Id, ada.Id) with
        {
            TerminationDate = Optional<DateOnly?>.Of(new DateOnly(2025, 12, 31)),
        });
        var missing = await app.SendAsync<Result<EmployeeDto>>(Update(company.Id, Guid.CreateVersion7()) with { LastName = Optional<string?>.Of("X") });

        renamed.Value!.LastName.ShouldBe("King");
        renamed.Value.SsnLast4.ShouldBe("8901");
        renamed.Value.PayFrequency.ShouldBe("semimonthly");
        duplicate.FirstError.Code.ShouldBe("employee.ssn_taken");
        badDates.FirstError.Field.ShouldBe("terminationDate");
        missing.FirstError.Type.ShouldBe(ErrorType.NotFound);
        var stored = (await app.SendAsync<Result<EmployeeDto>>(new GetEmployee(company.Id, ada.Id))).Value!;
        stored.SsnLast4.ShouldBe("8901");
        stored.TerminationDate.ShouldBe(new DateOnly(2026, 9, 30));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListEmployees_WhenSearchingAndPaging_ShouldFilterByNameAndReturnEachOnce(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await app.EmployeeAsync(company.Id, $"123-45-{6780 + i}", $"Person{i}", i % 2 == 0 ? "Smith" : "O'Neil_100%")).Id);
        }

        var smiths = (await app.SendAsync<Result<Page<EmployeeDto>>>(new ListEmployees(company.Id, Q: "SMI"))).Value!;
        var literal = (await app.SendAsync<Result<Page<EmployeeDto>>>(new ListEmployees(company.Id, Q: "_100%"))).Value!;
        var fullName = (await app.SendAsync<Result<Page<EmployeeDto>>>(new ListEmployees(company.Id, Q: "person2 smith"))).Value!;
        var first = (await app.SendAsync<Result<Page<EmployeeDto>>>(new ListEmployees(company.Id, 4))).Value!;
        var second = (await app.SendAsync<Result<Page<EmployeeDto>>>(new ListEmployees(company.Id, 4, first.NextCursor))).Value!;

        smiths.Items.Count.ShouldBe(4);
        literal.Items.Count.ShouldBe(3);
        fullName.Items.ShouldHaveSingleItem().FirstName.ShouldBe("Person2");
        first.Items.Concat(second.Items).Select(e => e.Id).ShouldBe(ids);
        second.NextCursor.ShouldBeNull();
    }

    private static UpdateEmployee Update(Guid companyId, Guid id) => new(companyId, id, default, default, default, default);
}
