using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.TestSupport.FlatTax;

public static class FlatTaxModule
{
    /// <summary>Everything the regime needs, registered by the test host alone: no file under <c>src/</c> names it.</summary>
    public static IServiceCollection AddFlatTaxRegime(this IServiceCollection services)
    {
        services.AddSingleton<IWithholdingRegime, FlatTaxRegime>();
        services.AddSingleton<IEmployeeProfiles, FlatTaxEmployees>();
        services.AddSingleton<IPayrollLines, FlatTaxLines>();
        services.AddSingleton<IRegisterColumnsSource, FlatTaxRegister>();
        services.AddScoped<IWithholdingReports, FlatTaxReports>();
        services.AddJsonRegimeStorage<FlatTaxProfile, FlatTaxLine>(FlatTaxRegime.RegimeCode);
        return services;
    }
}
