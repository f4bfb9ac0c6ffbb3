using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application;

public static class DependencyInjection
{
    /// <summary>Registers the validators. The Mediator pipeline itself is ordered once, in the Api host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;
        services.AddValidatorsFromAssembly(
            assembly, ServiceLifetime.Singleton, r => !r.ValidatorType.IsAssignableTo(typeof(Common.Validation.IScopedValidator)), includeInternalTypes: true);
        services.AddValidatorsFromAssembly(
            assembly, ServiceLifetime.Scoped, r => r.ValidatorType.IsAssignableTo(typeof(Common.Validation.IScopedValidator)), includeInternalTypes: true);

        // The regimes themselves are modules, registered by the composition root (Api/Hosting/RegimeModules.cs).
        services.AddSingleton(sp => new WithholdingRegimeRegistry(sp.GetServices<IWithholdingRegime>()));
        services.AddScoped(typeof(Regimes.RegimeParts<>));
        services.AddScoped<Payrolls.PayrollCalculator>();
        services.AddScoped<Payslips.PayslipBook>();
        services.AddScoped<Payslips.PayslipExports>();
        services.AddScoped<Payslips.MyPayslips>();
        services.AddScoped<Schedules.ScheduleCalendar>();
        services.AddScoped<Employees.EmployeeHiring>();
        services.AddScoped<Employees.EmployeeAssignment>();
        services.AddScoped<Imports.EmployeeImportPlanner>();
        services.AddScoped<Employees.NationalIdGuard>();
        services.TryAddSingleton<Employees.INationalIdWriteLimiter, Employees.NoNationalIdWriteLimit>(); // the server holds real budgets
        services.AddScoped<Identity.DeferredSecurityEvents>();
        services.AddScoped<Exports.IExportAccess, Identity.CallerExportAccess>();

        // Each scope's key, if its sender holds one; the composition root registers IdempotencyRetention.
        services.AddScoped<Common.Idempotency.IdempotencyContext>();

        // The server replaces this with its Prometheus counters; the verbs count nothing.
        services.TryAddSingleton(new Payrolls.PayRunOptions());
        services.TryAddSingleton<Common.Metrics.IBusinessMetrics, Common.Metrics.NoBusinessMetrics>();
        services.TryAddSingleton<Common.Metrics.ISecurityMetrics, Common.Metrics.NoSecurityMetrics>();
        return services;
    }

    /// <summary>
    /// Loads every regime's tables and runs their structural checks. Call once at start-up so that a bad table stops the
    /// app with an exception naming the file and the check.
    /// </summary>
    public static IServiceProvider ValidateWithholdingTables(this IServiceProvider services)
    {
        services.GetRequiredService<WithholdingRegimeRegistry>();
        return services;
    }
}
