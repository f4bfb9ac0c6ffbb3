using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Regimes;

public static class JsonRegimeStorage
{
    /// <summary>
    /// Storage for a regime that brings no tables of its own: its profiles and line details as JSON documents
    /// (docs/decisions/0014-regime-modules-and-their-storage.md).
    /// </summary>
    public static IServiceCollection AddJsonRegimeStorage<TProfile, TDetails>(this IServiceCollection services, string regime)
        where TProfile : class, IEmployeeTaxProfile
        where TDetails : class, IPayrollLineDetails
    {
        services.AddScoped<IEmployeeProfileStorage>(sp => new JsonProfileStorage<TProfile>(regime, sp.GetRequiredService<DbSession>()));
        services.AddScoped<IPayrollLineStorage>(sp => new JsonLineStorage<TDetails>(regime, sp.GetRequiredService<DbSession>()));
        return services;
    }
}
