using System.Data.Common;
using PayrollPortal.Infrastructure;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// Runs a verb's work in a scope of the server's own <c>AddInfrastructure()</c> registrations, on the database
/// <c>DATABASE_URL</c> names, and turns configuration and database failures into the documented exit codes.
/// </summary>
internal static class CliServices
{
    public static async Task<int> RunInScopeAsync(
        CliContext context, string verb, Func<IServiceProvider, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton(context.Configuration);
            services.AddLogging();
            services.AddInfrastructure();
            await using var provider = services.BuildServiceProvider();
            await context.Out.WriteLineAsync($"database: {provider.GetRequiredService<DatabaseSettings>().SafeDisplay}");
            await using var scope = provider.CreateAsyncScope();
            return await run(scope.ServiceProvider, cancellationToken);
        }
        catch (DatabaseUrlException ex)
        {
            await context.Error.WriteLineAsync($"payroll: {ex.Message}");
            return CliExitCodes.Configuration;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: {MigrationReport.OneLine(ex.Message)}");
            return CliExitCodes.Usage;
        }
    }
}
