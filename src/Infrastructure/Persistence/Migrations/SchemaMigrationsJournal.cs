using System.Data;
using System.Diagnostics;
using DbUp.Engine;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// A DbUp journal over <c>schema_migrations</c> that records each script's checksum, who applied it and how long it ran.
/// DbUp stores the entry right after running the script, in the same transaction, so the time since the previous entry
/// (or since the journal was ensured) is the script's execution time.
/// </summary>
internal sealed class SchemaMigrationsJournal(
    DatabaseProvider provider, IReadOnlyList<MigrationScript> scripts, IReadOnlyCollection<string> executedScriptNames, string appliedBy, TimeProvider clock)
    : IJournal
{
    private readonly JournalSql _sql = JournalSql.For(provider);
    private readonly Dictionary<string, MigrationScript> _byName = scripts.ToDictionary(s => s.ScriptName, StringComparer.Ordinal);
    private readonly List<MigrationStep> _stored = [];
    private long _lastMark = Stopwatch.GetTimestamp();
    private bool _classesBackfilled;

    /// <summary>The migrations this run journaled, in order, with their execution times.</summary>
    public IReadOnlyList<MigrationStep> Stored => _stored;

    /// <summary>Read by the migrator before DbUp runs (under the migration lock), so DbUp sees the same journal the migrator checked.</summary>
    public string[] GetExecutedScripts() => [.. executedScriptNames];

    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory)
    {
        using var command = dbCommandFactory();
        command.CommandText = _sql.CreateTable;
        command.ExecuteNonQuery();
        _lastMark = Stopwatch.GetTimestamp();
    }

    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
    {
        var migration = _byName[script.Name];
        var elapsed = (long)Stopwatch.GetElapsedTime(_lastMark).TotalMilliseconds;
        var withClass = ClassColumnExists(dbCommandFactory);
        using var command = dbCommandFactory();
        command.CommandText = withClass ? JournalSql.InsertWithClass : JournalSql.Insert;
        AddParameter(command, "version", migration.Version);
        AddParameter(command, "name", migration.Name);
        AddParameter(command, "checksum", migration.Checksum);
        AddParameter(command, "applied_at", provider == DatabaseProvider.Sqlite ? (object)SqlTime.ToSqliteText(clock.GetUtcNow()) : clock.GetUtcNow());
        AddParameter(command, "applied_by", appliedBy);
        AddParameter(command, "execution_ms", elapsed);
        if (withClass)
        {
            AddParameter(command, "migration_class", MigrationClasses.ToText(migration.EffectiveClass));
        }

        command.ExecuteNonQuery();
        if (withClass && !_classesBackfilled)
        {
            BackfillClasses(dbCommandFactory);
        }

        _stored.Add(new MigrationStep(migration.Version, migration.Name, elapsed));
        _lastMark = Stopwatch.GetTimestamp();
    }

    /// <summary>Rows journaled before the column existed (before 0019, in this run or an earlier one) get this build's class.</summary>
    private void BackfillClasses(Func<IDbCommand> dbCommandFactory)
    {
        foreach (var script in _byName.Values)
        {
            using var command = dbCommandFactory();
            command.CommandText = "UPDATE schema_migrations SET migration_class = @migration_class WHERE version = @version AND migration_class IS NULL";
            AddParameter(command, "migration_class", MigrationClasses.ToText(script.EffectiveClass));
            AddParameter(command, "version", script.Version);
            command.ExecuteNonQuery();
        }

        _classesBackfilled = true;
    }

    /// <summary>Asked per script: a run that applies 0019 sees the column appear halfway through.</summary>
    private bool ClassColumnExists(Func<IDbCommand> dbCommandFactory)
    {
        using var command = dbCommandFactory();
        command.CommandText = _sql.ClassColumnExists;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    internal static void AddParameter(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
