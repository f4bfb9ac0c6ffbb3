using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Withholding.Korea;
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
        services.AddScoped<Application.Withholding.Korea.BusinessIncome.IBusinessIncomeStore, BusinessIncomeStore>();
        return services;
    }
}
