using System.Data;
using DbUp.Engine;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// The journal DbUp uses to run one down script: DbUp calls <see cref="StoreExecutedScript"/> inside the script's own
/// transaction, so deleting the journal row there makes "run the down script and forget the migration" one transaction.
/// </summary>
internal sealed class RevertingJournal(MigrationScript migration) : IJournal
{
    public string[] GetExecutedScripts() => [];

    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory)
    {
        // A migration is being reverted, so the journal already exists; creating it here would only hide a wrong database.
    }

    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
    {
        using var command = dbCommandFactory();
        command.CommandText = JournalSql.Delete;
        SchemaMigrationsJournal.AddParameter(command, "version", migration.Version);
        var deleted = command.ExecuteNonQuery();
        if (deleted != 1)
        {
            // Throwing here rolls the down script back with the (missing) journal row: the two never disagree.
            throw new MigrationException($"{migration.ScriptName} is no longer in schema_migrations; nothing was reverted.", MigrationFailure.Refused);
        }
    }
}
