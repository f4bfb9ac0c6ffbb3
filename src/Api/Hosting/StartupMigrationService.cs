using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.Infrastructure.Security;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// The development default: apply pending migrations before the server starts listening. With
/// <c>PAYROLL_ENFORCE_MIGRATIONS=1</c> the server never migrates; Program verifies instead and refuses to start. Either way a
/// SQLite database is then recorded in DATA_DIR (<see cref="SqliteDatabaseRecord"/>), so that losing it later is noticed.
/// </summary>
internal sealed partial class StartupMigrationService(
    SchemaMigrator migrator, StartupMigrationService.Applied applied, IConfiguration configuration, ILogger<StartupMigrationService> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!PayrollHost.EnforceMigrations(configuration) && !applied.BeforeStart)
        {
            await migrator.UpAsync(toVersion: null, cancellationToken);
        }

        if (migrator.Settings.SqlitePath is { } path)
        {
            var dataDirectory = PiiKeyRingLoader.DataDirectory(configuration);
            try
            {
                SqliteDatabaseRecord.Record(dataDirectory, path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogNotRecorded(logger, SqliteDatabaseRecord.PathIn(dataDirectory), ex.Message);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Set when the executable migrated before starting the host (<see cref="PayrollHost"/>), where a failure or a stop signal
    /// is one log line; an in-process host (tests) migrates here instead.
    /// </summary>
    internal sealed class Applied
    {
        public bool BeforeStart { get; set; }
    }

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "Could not record the database in {Record}: {Reason}. A lost database file would not be noticed at the next start-up")]
    private static partial void LogNotRecorded(ILogger logger, string record, string reason);
}
