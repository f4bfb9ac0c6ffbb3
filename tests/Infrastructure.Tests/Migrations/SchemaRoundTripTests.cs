using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

public sealed class SchemaRoundTripTests
{
    /// <summary>How a script that only one database needs says so on the other (both number their migrations alike).</summary>
    private const string UnchangedMarker = "-- schema unchanged:";

    /// <summary>
    /// Walks every migration: up to it, down one, up again, comparing the schema each time with the snapshot taken at that
    /// step; then all the way down. A down script that forgets an index or a constraint shows here as a differing line.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpDownUp_ForEveryMigration_ShouldLeaveAnIdenticalSchema(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database);
        var migrator = instance.Migrator;
        var snapshots = new List<IReadOnlyList<string>> { await SchemaSnapshot.TakeAsync(instance.Connections) };

        foreach (var script in migrator.Scripts)
        {
            await migrator.UpAsync(script.Version, CancellationToken.None);
            var afterUp = await SchemaSnapshot.TakeAsync(instance.Connections);
            if (script.UpSql.TrimStart().StartsWith(UnchangedMarker, StringComparison.Ordinal))
            {
                afterUp.ShouldBe(snapshots[^1], $"{script.ScriptName} says it leaves this database's schema unchanged");
            }
            else
            {
                afterUp.ShouldNotBe(snapshots[^1], $"{script.ScriptName} should change the schema (or start with '{UnchangedMarker}' and say why)");
            }

            await migrator.DownAsync(1, CancellationToken.None);
            (await SchemaSnapshot.TakeAsync(instance.Connections)).ShouldBe(snapshots[^1], $"{script.ScriptName}.down.sql should restore the schema before it");

            await migrator.UpAsync(script.Version, CancellationToken.None);
            (await SchemaSnapshot.TakeAsync(instance.Connections)).ShouldBe(afterUp, $"{script.ScriptName} applied again should give the same schema");
            snapshots.Add(afterUp);
        }

        for (var step = migrator.Scripts.Count; step > 0; step--)
        {
            await migrator.DownAsync(1, CancellationToken.None);
            (await SchemaSnapshot.TakeAsync(instance.Connections)).ShouldBe(snapshots[step - 1]);
        }

        (await migrator.ReadJournalAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UpAsync_OnSqliteAndPostgreSql_ShouldDefineTheSameTablesAndColumns()
    {
        await using var sqliteDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var postgresDatabase = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var sqlite = IsolatedMigrator.Create(sqliteDatabase);
        await using var postgres = IsolatedMigrator.Create(postgresDatabase);
        await sqlite.Migrator.UpAsync(null, CancellationToken.None);
        await postgres.Migrator.UpAsync(null, CancellationToken.None);

        var sqliteColumns = await SchemaSnapshot.TablesAndColumnsAsync(sqlite.Connections);
        var postgresColumns = await SchemaSnapshot.TablesAndColumnsAsync(postgres.Connections);

        sqliteColumns.ShouldContain("companies.slug not null");
        sqliteColumns.ShouldBe(postgresColumns);
    }
}
