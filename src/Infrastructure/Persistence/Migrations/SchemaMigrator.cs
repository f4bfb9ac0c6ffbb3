using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using PayrollPortal.Application.Operations;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// The one migrator entry point used by the server at start-up, the CLI, CI and the tests. DbUp runs the scripts;
/// this class owns the journal (checksums), the comparison with the code (verify) and the order of operations.
/// </summary>
public sealed partial class SchemaMigrator(IDbConnectionFactory connections, TimeProvider clock, ILogger<SchemaMigrator> logger) : ISchemaStatusReader
{
    private readonly DatabaseSettings _settings = connections.Settings;

    public IReadOnlyList<MigrationScript> Scripts { get; } = MigrationCatalog.Embedded(connections.Settings.Provider);

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadJournalAsync(connection, cancellationToken);
    }

    public async Task<SchemaStatus> ReadAsync(CancellationToken cancellationToken) =>
        Compare(Scripts, await ReadJournalAsync(cancellationToken));

    /// <summary>Applies every pending script (or those up to and including <paramref name="toVersion"/>), each in its own transaction.</summary>
    public async Task<IReadOnlyList<MigrationScript>> UpAsync(string? toVersion, CancellationToken cancellationToken)
    {
        IReadOnlyList<JournalEntry> journal;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            journal = await ReadJournalAsync(connection, cancellationToken);
        }

        var applied = journal.Select(e => $"{e.Version}_{e.Name}").ToHashSet(StringComparer.Ordinal);
        var pending = Scripts
            .Where(s => !applied.Contains(s.ScriptName))
            .Where(s => toVersion is null || string.CompareOrdinal(s.Version, toVersion) <= 0)
            .ToList();

        if (pending.Count == 0)
        {
            return [];
        }

        var journalWriter = new SchemaMigrationsJournal(_settings.Provider, Scripts, applied, Environment.UserName + "@" + Environment.MachineName, clock);
        var builder = _settings.Provider == DatabaseProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(_settings.ConnectionString)
            : DeployChanges.To.PostgresqlDatabase(_settings.ConnectionString);
        var engine = builder
            .WithScripts(pending.Select(s => new SqlScript(s.ScriptName, s.UpSql)))
            .JournalTo(journalWriter)
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();

        var result = await Task.Run(engine.PerformUpgrade, cancellationToken);
        if (!result.Successful)
        {
            var failed = result.ErrorScript?.Name ?? "unknown script";
            throw new MigrationException($"Migration {failed} failed: {result.Error?.Message}", result.Error);
        }

        foreach (var script in pending)
        {
            LogApplied(logger, script.ScriptName);
        }

        return pending;
    }

    public static SchemaStatus Compare(IReadOnlyList<MigrationScript> scripts, IReadOnlyList<JournalEntry> journal)
    {
        var problems = new List<string>();
        var known = scripts.ToDictionary(s => s.Version, StringComparer.Ordinal);
        var appliedVersions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in journal)
        {
            appliedVersions.Add(entry.Version);
            if (!known.TryGetValue(entry.Version, out var script))
            {
                problems.Add($"unknown: {entry.Version}_{entry.Name} is applied but this build does not know it (the database is ahead of the code)");
            }
            else if (!string.Equals(script.Checksum, entry.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"drift: {script.ScriptName} changed after it was applied (journal checksum {entry.Checksum[..Math.Min(12, entry.Checksum.Length)]}, script {script.Checksum[..12]})");
            }
        }

        foreach (var script in scripts)
        {
            if (!appliedVersions.Contains(script.Version))
            {
                problems.Add($"pending: {script.ScriptName} is not applied");
            }

            if (script.DownSql is null)
            {
                problems.Add($"missing down script: {script.ScriptName}.down.sql");
            }
        }

        return new SchemaStatus(journal.Count == 0 ? null : journal[^1].Version, scripts.Count == 0 ? null : scripts[^1].Version, problems);
    }

    private async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sql = JournalSql.For(_settings.Provider);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.TableExists, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(string Version, string Name, string Checksum, object AppliedAt, string AppliedBy, long ExecutionMs)>(
            new CommandDefinition(JournalSql.Select, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new JournalEntry(r.Version, r.Name, r.Checksum, SqlTime.FromDatabase(r.AppliedAt), r.AppliedBy, r.ExecutionMs))];
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Applied migration {Script}")]
    private static partial void LogApplied(ILogger logger, string script);
}
