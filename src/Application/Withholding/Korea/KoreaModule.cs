using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

public static class KoreaModule
{
    /// <summary>The kr regime's engine and its parts, and its business-income sheets; its storage registers separately (Infrastructure).</summary>
    public static IServiceCollection AddKoreaRegime(this IServiceCollection services)
    {
        services.AddSingleton(_ => KoreaRegime.FromEmbeddedTables());
        services.AddSingleton<IWithholdingRegime>(sp => sp.GetRequiredService<KoreaRegime>());
        services.AddSingleton<IPayRuns, KoreaPayRuns>();
        services.AddSingleton<IPayrollLines, KoreaPayrollLines>();
        services.AddSingleton<IEmployeeProfiles, KoreaEmployeeProfiles>();
        services.AddSingleton<IEmployeeImports, KoreaEmployeeImports>();
        services.AddSingleton<IOpeningBalanceFields, KoreaOpeningBalances>();
        services.AddSingleton<IRegisterColumnsSource, KoreaRegisterColumns>();
        services.AddSingleton<IPayslips, KoreaPayslips>();
        services.AddScoped<IWithholdingReports, KoreaReports>();
        services.AddSingleton<IWithholdingCalculations, KoreaCalculations>();

        // Business income (사업소득): payees, monthly sheets and their export (docs/BUSINESS_INCOME.md).
        services.AddScoped<BusinessIncomeCompanies>();
        services.AddScoped<IExportDocumentSource, BusinessIncomeExports>();
        services.AddScoped<IPeriodDrafts, BusinessIncomePeriodDrafts>();
        return services;
    }
}
