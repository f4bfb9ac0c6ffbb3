using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;
using static PayrollPortal.Application.Tests.Withholding.BusinessIncome.BusinessIncomeScenario;

namespace PayrollPortal.Application.Tests.Withholding.BusinessIncome;

/// <summary>Business-income payees: the 주민등록번호 checked, encrypted and blind-indexed as an employee's is, on both databases.</summary>
public sealed class BusinessIncomePayeeTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreatePayee_ShouldStoreTheNumberEncryptedWithOnlyItsLastFourInClear(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);

        var payee = await PayeeAsync(app, companyId, "201015-3456781", name: "박새롬"); // issued after October 2020: no check digit

        payee.ResidentRegistrationNumber.ShouldBe("******-***6781");
        payee.ResidentType.ShouldBe("resident");
        payee.BusinessTypeCode.ShouldBe("940909");
        payee.IncomeTaxRate.ShouldBe(3m);
        payee.TreatyRate.ShouldBeNull();
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(string Ciphertext, string BlindIndex, string Last4)>(
            "SELECT rrn_ciphertext, rrn_blind_index, rrn_last4 FROM business_income_payees");
        row.Last4.ShouldBe("6781");
        row.Ciphertext.ShouldNotContain("2010153456781");
        row.Ciphertext.ShouldNotContain("201015");
        row.BlindIndex.ShouldNotContain("201015");
        var audit = await connection.QuerySingleAsync<string>("SELECT details FROM audit_events WHERE action = 'business_income.payee_created'");
        audit.ShouldNotContain("6781");
        var listed = (await app.SendAsync<Result<IReadOnlyList<BusinessIncomePayeeDto>>>(new ListBusinessIncomePayees(companyId))).Value!;
        listed.ShouldHaveSingleItem().ShouldBe(payee);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreatePayee_WithBadFields_ShouldRefuseNamingEachAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var before = await StoredAsync(app);

        var badDate = await Create(app, new CreateBusinessIncomePayee(companyId, "김하늘", "901301-1234567", "resident", "940909"));
        var malformed = await Create(app, new CreateBusinessIncomePayee(companyId, "김하늘", "12345", "resident", "940909"));
        var missing = await Create(app, new CreateBusinessIncomePayee(companyId, "김하늘", null, "resident", "940909"));
        var type = await Create(app, new CreateBusinessIncomePayee(companyId, "김하늘", "900101-1234567", "foreign", "940909"));
        var code = await Create(app, new CreateBusinessIncomePayee(companyId, "김하늘", "900101-1234567", "resident", "94A909"));
        var treatyForResident = await Create(app, new CreateBusinessIncomePayee(companyId, "김하늘", "900101-1234567", "resident", "940909", 10m));
        var treatyTooHigh = await Create(app, new CreateBusinessIncomePayee(companyId, "Jo", "750312-5123456", "nonresident", "940909", 25m));
        var name = await Create(app, new CreateBusinessIncomePayee(companyId, " ", "900101-1234567", "resident", "940909"));

        Single(badDate).ShouldBe(("employee.rrn_date_invalid", "residentRegistrationNumber"));
        Single(malformed).ShouldBe(("employee.rrn_malformed", "residentRegistrationNumber"));
        Single(missing).ShouldBe(("employee.rrn_required", "residentRegistrationNumber"));
        Single(type).ShouldBe(("business_income.resident_type_invalid", "residentType"));
        Single(code).ShouldBe(("business_income.business_type_code_invalid", "businessTypeCode"));
        Single(treatyForResident).ShouldBe(("business_income.treaty_rate_nonresident_only", "treatyRate"));
        Single(treatyTooHigh).ShouldBe(("business_income.treaty_rate_invalid", "treatyRate"));
        Single(name).ShouldBe(("business_income.name_invalid", "name"));
        (await StoredAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreatePayee_WithANumberAnotherPayeeOfTheCompanyHas_ShouldRefuse409_WhileAnotherCompanyMayHaveIt(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var companyId = await KoreaCompanyAsync(app);
        var other = await KoreaCompanyAsync(app, "busan-freelance");
        await PayeeAsync(app, companyId, "900101-1234567");
        var before = await StoredAsync(app);

        var duplicate = await Create(app, new CreateBusinessIncomePayee(companyId, "Someone", "9001011234567", "resident", "940909"));

        var error = duplicate.Errors.ShouldHaveSingleItem();
        (error.Code, error.Field, error.Type).ShouldBe(("business_income.rrn_taken", "residentRegistrationNumber", ErrorType.Conflict));
        (await StoredAsync(app)).ShouldBe(before);
        (await PayeeAsync(app, other, "900101-1234567")).ResidentRegistrationNumber.ShouldBe("******-***4567");
    }

    private static Task<Result<BusinessIncomePayeeDto>> Create(PayrollApp app, CreateBusinessIncomePayee command) =>
        app.SendAsync<Result<BusinessIncomePayeeDto>>(command);

    private static (string Code, string? Field) Single(Result<BusinessIncomePayeeDto> result)
    {
        var error = result.Errors.ShouldHaveSingleItem();
        return (error.Code, error.Field);
    }
}
