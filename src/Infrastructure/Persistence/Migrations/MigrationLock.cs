namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Excludes every other migrator (another instance starting, a CLI run) from the same database for the whole run: taken
/// before the journal is read, released when the run ends. It does not block the application's own reads and writes.
/// </summary>
internal static class MigrationLock
{
    public static Task<IAsyncDisposable> AcquireAsync(DatabaseSettings settings, TimeSpan timeout, CancellationToken cancellationToken) =>
        AcquireAsync(settings, timeout, waiting: null, cancellationToken);

    /// <param name="waiting">SQLite: called once when the lock is held elsewhere and the wait begins.</param>
    public static async Task<IAsyncDisposable> AcquireAsync(DatabaseSettings settings, TimeSpan timeout, Action? waiting, CancellationToken cancellationToken) =>
        settings.Provider == DatabaseProvider.Sqlite
            ? await SqliteMigrationLock.AcquireAsync(settings.SqlitePath!, timeout, waiting, cancellationToken)
            : await PostgresMigrationLock.AcquireAsync(settings, timeout, cancellationToken);

    public static string Describe(TimeSpan timeout) =>
        timeout == TimeSpan.Zero ? "without waiting" : $"after waiting {timeout.TotalSeconds:0.###} s";
}
