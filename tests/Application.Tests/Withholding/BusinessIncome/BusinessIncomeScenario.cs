using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Withholding.BusinessIncome;

/// <summary>A kr company with payees, and what the business-income tables hold, for the business-income use-case tests.</summary>
internal static class BusinessIncomeScenario
{
    public static async Task<Guid> KoreaCompanyAsync(PayrollApp app, string slug = "seoul-freelance") =>
        (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("서울프리랜스", slug, null, "kr"))).Value!.Id;

    public static async Task<BusinessIncomePayeeDto> PayeeAsync(
        PayrollApp app, Guid companyId, string rrn, string residentType = "resident", decimal? treatyRate = null, string name = "김하늘")
    {
        var result = await app.SendAsync<Result<BusinessIncomePayeeDto>>(
            new CreateBusinessIncomePayee(companyId, name, rrn, residentType, "940909", treatyRate));
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    public static async Task<BusinessIncomeSheetDto> SheetAsync(PayrollApp app, Guid companyId, DateOnly payDate, params (Guid PayeeId, decimal Amount)[] lines)
    {
        var result = await app.SendAsync<Result<BusinessIncomeSheetDto>>(
            new CreateBusinessIncomeSheet(companyId, payDate, [.. lines.Select(l => new BusinessIncomeLineRequest(l.PayeeId, l.Amount))]));
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    /// <summary>Every business-income row and business-income audit event, to show a refusal stored nothing.</summary>
    public static async Task<string> StoredAsync(PayrollApp app)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var parts = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT CAST(id AS TEXT) || '|' || name || '|' || rrn_last4 || '|' || resident_type FROM business_income_payees ORDER BY id",
            "SELECT CAST(id AS TEXT) || '|' || status || '|' || CAST(updated_at AS TEXT) FROM business_income_sheets ORDER BY id",
            "SELECT CAST(sheet_id AS TEXT) || '|' || CAST(line_no AS TEXT) || '|' || CAST(amount AS TEXT) FROM business_income_lines ORDER BY sheet_id, line_no",
            "SELECT action FROM audit_events WHERE action LIKE 'business_income.%' ORDER BY action",
        })
        {
            parts.Add(string.Join(",", await connection.QueryAsync<string>(sql)));
        }

        return string.Join("\n", parts);
    }
}
