using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.UsFederal;

public static class UsFederalStorage
{
    /// <summary>The us-federal regime's tables and columns, its year-to-date figures and its report queries.</summary>
    public static IServiceCollection AddUsFederalStorage(this IServiceCollection services)
    {
        services.AddScoped<IEmployeeProfileStorage, UsFederalProfileStorage>();
        services.AddScoped<IPayrollLineStorage, UsFederalLineStorage>();
        services.AddScoped<IYearToDateSource, UsFederalYearToDate>();
        services.AddScoped<IUsFederalReportQueries, UsFederalReportQueries>();
        return services;
    }
}
