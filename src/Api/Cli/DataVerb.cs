using System.Data.Common;
using PayrollPortal.Api.Hosting;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.Infrastructure.Security;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// Runs a verb that reads and writes application data (<c>pii rotate</c>, <c>seed-demo</c>): builds the server's services,
/// makes sure the schema is at head, and turns configuration, schema and database failures into one line and an exit code.
/// </summary>
internal static class DataVerb
{
    /// <param name="migrateLikeTheServer">
    /// Apply pending migrations first, as the development server does, unless <c>PAYROLL_ENFORCE_MIGRATIONS=1</c>; otherwise a
    /// schema behind head is refused with exit 3.
    /// </param>
    public static async Task<int> RunAsync(
        CliContext context, string verb, bool migrateLikeTheServer, Func<IServiceProvider, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        try
        {
            await using var services = CliServices.Build(context);
            var migrator = services.GetRequiredService<SchemaMigrator>();
            _ = services.GetRequiredService<PiiKeyRing>();
            await context.Out.WriteLineAsync($"database: {migrator.Settings.SafeDisplay}");
            if (migrateLikeTheServer && !PayrollHost.EnforceMigrations(context.Configuration))
            {
                foreach (var step in await migrator.UpAsync(toVersion: null, cancellationToken))
                {
                    await context.Out.WriteLineAsync($"applied {step.ScriptName} ({step.ElapsedMs} ms)");
                }
            }

            var status = await migrator.ReadAsync(cancellationToken);
            if (!status.IsAtHead)
            {
                await context.Error.WriteLineAsync($"payroll: {verb}: {MigrationReport.Position(status)}; run `payroll migrate up` first.");
                return CliExitCodes.SchemaNotAtHead;
            }

            return await run(services, cancellationToken);
        }
        catch (Exception ex) when (ex is DatabaseUrlException or PiiKeyException)
        {
            await context.Error.WriteLineAsync($"payroll: {ex.Message}");
            return CliExitCodes.Configuration;
        }
        catch (MigrationException ex)
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: {ex.Message}");
            return ex.Failure == MigrationFailure.Configuration ? CliExitCodes.Configuration : CliExitCodes.MigrationFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: cancelled; each batch is its own transaction, so none is half-applied.");
            return CliExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: {MigrationReport.OneLine(ex.Message)}");
            return CliExitCodes.Incomplete;
        }
    }
}
