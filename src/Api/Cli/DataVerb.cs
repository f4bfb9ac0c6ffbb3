using PayrollPortal.Api.Hosting;
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
    public static Task<int> RunAsync(
        CliContext context, string verb, bool migrateLikeTheServer, Func<IServiceProvider, CancellationToken, Task<int>> run, CancellationToken cancellationToken) =>
        CliFailures.GuardAsync(context, verb, "each batch is its own transaction, so none is half-applied.", async () =>
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
        }, cancellationToken);
}
