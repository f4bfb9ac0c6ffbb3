using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Korea;

public static class KoreaStorage
{
    /// <summary>The kr regime's tables, its report queries and its business-income payees and sheets.</summary>
    public static IServiceCollection AddKoreaStorage(this IServiceCollection services)
    {
        services.AddScoped<IEmployeeProfileStorage, KoreaProfileStorage>();
        services.AddScoped<IPayrollLineStorage, KoreaLineStorage>();
        services.AddScoped<IKoreaReportQueries, KoreaReportQueries>();
        services.AddScoped<IBusinessIncomeStore, BusinessIncomeStore>();
        services.AddSingleton(new ProtectedIdentifierTable("business_income_payees", "business-income payee", "resident registration number", "rrn_ciphertext", "rrn_blind_index"));
        return services;
    }
}
