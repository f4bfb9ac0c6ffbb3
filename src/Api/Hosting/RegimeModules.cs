using System.CommandLine;
using PayrollPortal.Api.Cli;
using PayrollPortal.Api.Cli.Korea;
using PayrollPortal.Api.Cli.UsFederal;
using PayrollPortal.Api.Endpoints.Korea;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Infrastructure.Persistence.Korea;
using PayrollPortal.Infrastructure.Persistence.UsFederal;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// The composition root of the withholding regimes: the only file outside a regime's own folders that names one. A new
/// regime adds its registrations here (docs/ARCHITECTURE.md, "Recipe: a new regime"); an architecture test keeps every other
/// file free of regime types.
/// </summary>
internal static class RegimeModules
{
    public static IServiceCollection AddRegimeModules(this IServiceCollection services) =>
        services
            .AddUsFederalRegime().AddUsFederalStorage()
            .AddKoreaRegime().AddKoreaStorage();

    /// <summary>Endpoints a regime adds beside the core's (kr: business-income payees and sheets).</summary>
    public static IEndpointRouteBuilder MapRegimeEndpoints(this IEndpointRouteBuilder app) => app.MapBusinessIncomeEndpoints();

    /// <summary>Verbs a regime adds to the <c>payroll</c> executable, and <c>seed-demo</c> with each regime's demo company.</summary>
    public static IEnumerable<Command> Verbs(CliContext context) =>
        [SeedDemoCommand.Create(context, [new UsFederalDemo(), new KoreaDemo()]), TablesCommand.Create(context)];
}
