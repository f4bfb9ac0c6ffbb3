using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Application.Withholding.UsFederal;

public static class UsFederalModule
{
    /// <summary>The us-federal regime's engine and its parts; its storage registers separately (Infrastructure).</summary>
    public static IServiceCollection AddUsFederalRegime(this IServiceCollection services)
    {
        services.AddSingleton(_ => UsFederalRegime.FromEmbeddedTables());
        services.AddSingleton(_ => StateWithholdingEngine.FromEmbeddedTables());
        services.AddSingleton<IWithholdingRegime>(sp => sp.GetRequiredService<UsFederalRegime>());
        services.AddSingleton<IPayRuns, UsFederalPayRuns>();
        services.AddSingleton<IPayrollLines, UsFederalPayrollLines>();
        services.AddSingleton<IEmployeeProfiles, UsFederalEmployeeProfiles>();
        services.AddSingleton<IEmployeeImports, UsFederalEmployeeImports>();
        services.AddSingleton<IOpeningBalanceFields, UsFederalOpeningBalances>();
        services.AddSingleton<IRegisterColumnsSource, UsFederalRegisterColumns>();
        services.AddSingleton<IPayslips, UsFederalPayslips>();
        services.AddScoped<IWithholdingReports, UsFederalReports>();
        services.AddSingleton<IWithholdingCalculations, UsFederalCalculations>();
        return services;
    }
}
