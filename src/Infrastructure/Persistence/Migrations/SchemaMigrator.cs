using System.Data.Common;
using System.Diagnostics;
using Dapper;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using PayrollPortal.Application.Operations;
using PayrollPortal.Infrastructure.Persistence.Coordination;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// The one migrator entry point used by the server at start-up, the CLI, CI and the tests. DbUp runs the scripts; this class
/// owns the journal (checksums), the migration lock, the comparison with the code (verify) and the order of operations.
/// Every run that changes the schema holds the lock from before it reads the journal until it ends, so two instances that
/// start together apply each script once.
/// </summary>
public sealed partial class SchemaMigrator : ISchemaStatusReader
{
    private readonly IDbConnectionFactory _connections;
    private readonly TimeProvider _clock;
    private readonly ILogger<SchemaMigrator> _logger;
    private readonly MigrationOptions _options;

    public SchemaMigrator(IDbConnectionFactory connections, TimeProvider clock, ILogger<SchemaMigrator> logger, MigrationOptions options)
    {
        _connections = connections;
        _clock = clock;
        _logger = logger;
        _options = options;
        Scripts = MigrationCatalog.For(connections.Settings.Provider, options.ExtraScriptsDirectory);
    }

    public DatabaseSettings Settings => _connections.Settings;

    public IReadOnlyList<MigrationScript> Scripts { get; }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await ReadJournalAsync(connection, cancellationToken);
    }

    /// <summary>
    /// Whether this build can serve on the schema (readiness, health, start-up enforcement): problems are pending and drifted
    /// migrations only. A database ahead of the code is servable on purpose: under expand/contract the previous release keeps
    /// serving, and is rolled back to, on the newer schema.
    /// </summary>
    public async Task<SchemaStatus> ReadAsync(CancellationToken cancellationToken) =>
        CompareForServing(Scripts, await ReadJournalAsync(cancellationToken));

    /// <summary>The strict gate of <c>migrate verify</c> and CI: at head, no drift, nothing unknown, every down script present.</summary>
    public async Task<SchemaStatus> VerifyAsync(CancellationToken cancellationToken) =>
        Compare(Scripts, await ReadJournalAsync(cancellationToken));

    public async Task<IReadOnlyList<MigrationStatusRow>> ReadStatusAsync(CancellationToken cancellationToken) =>
        StatusRows(Scripts, await ReadJournalAsync(cancellationToken));

    /// <summary>
    /// Applies every pending script, or those up to and including <paramref name="toVersion"/>, each in its own transaction with
    /// its journal row. Refuses to start when an applied script drifted, the database knows a version this build does not, or a
    /// pending script is older than the newest applied one (down would then revert in a different order than up applied).
    /// </summary>
    public async Task<IReadOnlyList<MigrationStep>> UpAsync(string? toVersion, CancellationToken cancellationToken)
    {
        if (toVersion is not null && Scripts.All(s => s.Version != toVersion))
        {
            throw new MigrationException(
                $"--to {toVersion} is not a migration of this build (known: {string.Join(", ", Scripts.Select(s => s.Version))}).", MigrationFailure.InvalidRequest);
        }

        await using var held = await MigrationLock.AcquireAsync(Settings, _options.LockTimeout, () => LogWaitingForLock(_logger, Settings.SafeDisplay), cancellationToken);
        var journal = await ReadJournalAsync(cancellationToken);
        ThrowIfJournalDisagrees(journal);

        var applied = journal.Select(e => e.Version).ToHashSet(StringComparer.Ordinal);
        var newestApplied = journal.Count == 0 ? null : journal[^1];
        if (toVersion is not null && newestApplied is not null && string.CompareOrdinal(newestApplied.Version, toVersion) > 0)
        {
            throw new MigrationException(
                $"the database is at {newestApplied.Version}, past --to {toVersion}; use `migrate down` to go back.", MigrationFailure.Refused);
        }

        var pending = Scripts
            .Where(s => !applied.Contains(s.Version))
            .Where(s => toVersion is null || string.CompareOrdinal(s.Version, toVersion) <= 0)
            .ToList();
        var outOfOrder = pending.Where(s => newestApplied is not null && string.CompareOrdinal(s.Version, newestApplied.Version) < 0).ToList();
        if (outOfOrder.Count > 0)
        {
            throw new MigrationException(
                "refused: pending migrations are older than the newest applied one; nothing was applied",
                MigrationFailure.Refused,
                [.. outOfOrder.Select(s => $"out of order: {s.ScriptName} is pending but {newestApplied!.Version}_{newestApplied.Name} is already applied; renumber it after {newestApplied.Version}")]);
        }

        if (pending.Count == 0)
        {
            return [];
        }

        await ThrowIfOlderBuildsServeAsync(pending, cancellationToken);

        var journalWriter = new SchemaMigrationsJournal(Settings.Provider, Scripts, [.. journal.Select(e => $"{e.Version}_{e.Name}")], AppliedBy(), _clock);
        await RunAsync(pending.Select(s => new SqlScript(s.ScriptName, s.UpSql)), journalWriter, cancellationToken);
        foreach (var step in journalWriter.Stored)
        {
            LogApplied(_logger, step.ScriptName, step.ElapsedMs);
        }

        return journalWriter.Stored;
    }

    /// <summary>
    /// Reverts the <paramref name="steps"/> newest applied migrations, newest first. Each runs its <c>.down.sql</c> and deletes its
    /// journal row in one transaction. Everything is checked before anything runs: enough applied migrations, each known to this
    /// build, unchanged since it was applied and with its down script.
    /// </summary>
    public async Task<IReadOnlyList<MigrationStep>> DownAsync(int steps, CancellationToken cancellationToken)
    {
        if (steps < 1)
        {
            throw new MigrationException($"--steps must be 1 or more, not {steps}.", MigrationFailure.InvalidRequest);
        }

        await using var held = await MigrationLock.AcquireAsync(Settings, _options.LockTimeout, () => LogWaitingForLock(_logger, Settings.SafeDisplay), cancellationToken);
        var journal = await ReadJournalAsync(cancellationToken);
        if (journal.Count == 0)
        {
            throw new MigrationException("nothing to revert: no migration is applied.", MigrationFailure.Refused);
        }

        if (steps > journal.Count)
        {
            throw new MigrationException(
                $"cannot revert {steps} migrations: only {journal.Count} applied (oldest {journal[0].Version}_{journal[0].Name}); nothing was reverted.",
                MigrationFailure.Refused);
        }

        var known = Scripts.ToDictionary(s => s.Version, StringComparer.Ordinal);
        var targets = new List<MigrationScript>();
        var problems = new List<string>();
        foreach (var entry in journal.Reverse().Take(steps))
        {
            if (!known.TryGetValue(entry.Version, out var script))
            {
                problems.Add($"unknown: {entry.Version}_{entry.Name} is applied but this build does not know it, so it has no down script here");
            }
            else if (!ChecksumMatches(script, entry))
            {
                problems.Add(DriftLine(script, entry));
            }
            else if (script.DownSql is null)
            {
                problems.Add($"missing down script: {script.ScriptName}.down.sql");
            }
            else
            {
                targets.Add(script);
            }
        }

        if (problems.Count > 0)
        {
            throw new MigrationException("refused: nothing was reverted", MigrationFailure.Refused, problems);
        }

        var reverted = new List<MigrationStep>();
        foreach (var script in targets)
        {
            // One engine per script: DbUp orders the scripts it is given by name, and down must run newest first.
            var started = Stopwatch.GetTimestamp();
            await RunAsync([new SqlScript($"{script.ScriptName}.down", script.DownSql!)], new RevertingJournal(script), cancellationToken);
            var step = new MigrationStep(script.Version, script.Name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            LogReverted(_logger, step.ScriptName, step.ElapsedMs);
            reverted.Add(step);
        }

        return reverted;
    }

    /// <summary>Every problem <c>migrate verify</c> reports: pending, drift, unknown (database ahead of the code), missing down script.</summary>
    public static SchemaStatus Compare(IReadOnlyList<MigrationScript> scripts, IReadOnlyList<JournalEntry> journal) =>
        Compare(scripts, journal, strict: true);

    /// <summary>Only what stops this build from serving: pending and drifted migrations.</summary>
    public static SchemaStatus CompareForServing(IReadOnlyList<MigrationScript> scripts, IReadOnlyList<JournalEntry> journal) =>
        Compare(scripts, journal, strict: false);

    private static SchemaStatus Compare(IReadOnlyList<MigrationScript> scripts, IReadOnlyList<JournalEntry> journal, bool strict)
    {
        var problems = new List<string>();
        var known = scripts.ToDictionary(s => s.Version, StringComparer.Ordinal);
        var appliedVersions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in journal)
        {
            appliedVersions.Add(entry.Version);
            if (!known.TryGetValue(entry.Version, out var script))
            {
                if (strict)
                {
                    problems.Add(UnknownLine(entry));
                }
                else if (entry.Class == MigrationClass.Contract)
                {
                    // An unknown expand migration is servable (expand/contract); an unknown contract removed something this build may use.
                    problems.Add($"unknown contract: {entry.Version}_{entry.Name} is a contract migration this build does not know; it cannot serve on that schema");
                }
            }
            else if (!ChecksumMatches(script, entry))
            {
                problems.Add(DriftLine(script, entry));
            }
        }

        foreach (var script in scripts)
        {
            if (!appliedVersions.Contains(script.Version))
            {
                problems.Add($"pending: {script.ScriptName} is not applied");
            }

            if (strict && script.DownSql is null)
            {
                problems.Add($"missing down script: {script.ScriptName}.down.sql");
            }
        }

        return new SchemaStatus(journal.Count == 0 ? null : journal[^1].Version, scripts.Count == 0 ? null : scripts[^1].Version, problems);
    }

    /// <summary>Every migration this build knows and every one the database has applied, in version order.</summary>
    public static IReadOnlyList<MigrationStatusRow> StatusRows(IReadOnlyList<MigrationScript> scripts, IReadOnlyList<JournalEntry> journal)
    {
        var applied = journal.ToDictionary(e => e.Version, StringComparer.Ordinal);
        var rows = scripts.Select(s => applied.TryGetValue(s.Version, out var entry)
                ? new MigrationStatusRow(s.Version, s.Name, MigrationState.Applied, entry.AppliedAt, entry.Checksum, ChecksumMatches(s, entry), s.DownSql is not null, s.Class)
                : new MigrationStatusRow(s.Version, s.Name, MigrationState.Pending, null, s.Checksum, null, s.DownSql is not null, s.Class))
            .ToList();
        var known = scripts.Select(s => s.Version).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(journal
            .Where(e => !known.Contains(e.Version))
            .Select(e => new MigrationStatusRow(e.Version, e.Name, MigrationState.Unknown, e.AppliedAt, e.Checksum, null, false, e.Class)));
        return [.. rows.OrderBy(r => r.Version, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A contract migration breaks the release before it, so it waits until no instance that does not know it has heartbeated
    /// for <see cref="InstanceHeartbeats.LiveWithin"/>. Before 0019 there are no heartbeats to read, and nothing to refuse on.
    /// </summary>
    private async Task ThrowIfOlderBuildsServeAsync(IReadOnlyList<MigrationScript> pending, CancellationToken cancellationToken)
    {
        var contracts = pending.Where(s => s.EffectiveClass == MigrationClass.Contract).ToList();
        if (contracts.Count == 0)
        {
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        if (!await InstanceHeartbeats.TableExistsAsync(connection, Settings.Provider, cancellationToken))
        {
            return;
        }

        var live = await InstanceHeartbeats.LiveAsync(connection, _clock.GetUtcNow() - InstanceHeartbeats.LiveWithin, cancellationToken);
        var problems = contracts
            .SelectMany(script => live
                .Where(i => string.CompareOrdinal(i.SchemaHead, script.Version) < 0)
                .Select(i => $"older build serving: {script.ScriptName} is a contract migration and instance {i} does not know it"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new MigrationException(
                $"refused: a contract migration must wait until no older build serves (none may heartbeat for {InstanceHeartbeats.LiveWithin.TotalSeconds:0} s); nothing was applied",
                MigrationFailure.Refused, problems);
        }
    }

    private static bool ChecksumMatches(MigrationScript script, JournalEntry entry) =>
        string.Equals(script.Checksum, entry.Checksum, StringComparison.OrdinalIgnoreCase);

    private static string UnknownLine(JournalEntry entry) =>
        $"unknown: {entry.Version}_{entry.Name} is applied but this build does not know it (the database is ahead of the code)";

    private static string DriftLine(MigrationScript script, JournalEntry entry) =>
        $"drift: {script.ScriptName} changed after it was applied (journal checksum {entry.Checksum[..Math.Min(12, entry.Checksum.Length)]}, script {script.Checksum[..12]})";

    private static string AppliedBy() => $"{Environment.UserName}@{Environment.MachineName}";

    /// <summary>Up never builds on a database whose applied scripts differ from this build's: that is how Flyway validates on migrate.</summary>
    private void ThrowIfJournalDisagrees(IReadOnlyList<JournalEntry> journal)
    {
        var known = Scripts.ToDictionary(s => s.Version, StringComparer.Ordinal);
        var problems = journal
            .Select(e => !known.TryGetValue(e.Version, out var script) ? UnknownLine(e) : ChecksumMatches(script, e) ? null : DriftLine(script, e))
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
        {
            throw new MigrationException("refused: the applied migrations differ from this build's; nothing was applied", MigrationFailure.Refused, problems);
        }
    }

    private async Task RunAsync(IEnumerable<SqlScript> scripts, IJournal journal, CancellationToken cancellationToken)
    {
        UpgradeEngineBuilder builder = Settings.Provider == DatabaseProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(Settings.ConnectionString)
            : DeployChanges.To.PostgresqlDatabase(Settings.ConnectionString);
        var engine = builder
            .WithScripts(scripts)
            .JournalTo(journal)
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();

        var result = await Task.Run(engine.PerformUpgrade, cancellationToken);
        if (!result.Successful)
        {
            if (result.Error is MigrationException migrationError)
            {
                throw migrationError;
            }

            var failed = result.ErrorScript?.Name ?? "a script";
            throw new MigrationException($"{failed} failed and was rolled back: {OneLine(result.Error?.Message)}", MigrationFailure.Failed, inner: result.Error);
        }
    }

    private static string OneLine(string? message) =>
        string.Join(' ', (message ?? "unknown error").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sql = JournalSql.For(Settings.Provider);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.TableExists, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return [];
        }

        var withClass = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.ClassColumnExists, cancellationToken: cancellationToken)) > 0;
        var rows = await connection.QueryAsync<(string Version, string Name, string Checksum, object AppliedAt, string AppliedBy, long ExecutionMs, string? Class)>(
            new CommandDefinition(withClass ? JournalSql.SelectWithClass : JournalSql.Select, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new JournalEntry(r.Version, r.Name, r.Checksum, SqlTime.FromDatabase(r.AppliedAt), r.AppliedBy, r.ExecutionMs, MigrationClasses.FromText(r.Class)))];
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Waiting for another migrator's lock on {Database}")]
    private static partial void LogWaitingForLock(ILogger logger, string database);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Applied migration {Script} in {ElapsedMs} ms")]
    private static partial void LogApplied(ILogger logger, string script, long elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Reverted migration {Script} in {ElapsedMs} ms")]
    private static partial void LogReverted(ILogger logger, string script, long elapsedMs);
}
