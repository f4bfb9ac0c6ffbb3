using Dapper;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

/// <summary>
/// During a blue/green deploy the previous release serves on this build's schema. Its expectations (every column it reads
/// and writes, PreviousRelease/columns.txt, taken from its schema head) must hold on this build's head: each column still
/// there with the same nullability, and each column added since to its tables nullable or defaulted, so its inserts work.
/// </summary>
public sealed class PreviousReleaseTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Head_ShouldKeepEveryColumnThePreviousReleaseReadsAndWrites(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var migrator = IsolatedMigrator.Create(database);
        await migrator.Migrator.UpAsync(null, CancellationToken.None);

        var head = await ColumnsAsync(migrator, provider);
        var expected = Expectations(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Migrations", "PreviousRelease", "columns.txt")));

        expected.Count.ShouldBeGreaterThan(200);
        Breaks(expected, head).ShouldBeEmpty();
    }

    [Fact]
    public void Breaks_WhenAColumnIsDroppedMadeNotNullOrAddedWithoutADefault_ShouldNameEach()
    {
        var expected = Expectations(["t a NOT NULL", "t b NULL", "t c NULL"]);
        var head = new Dictionary<(string, string), (bool Nullable, bool HasDefault)>
        {
            [("t", "a")] = (false, false),
            [("t", "c")] = (false, false),
            [("t", "d")] = (false, false),
            [("t", "e")] = (false, true),
            [("t", "f")] = (true, false),
            [("other", "x")] = (false, false),
        };

        Breaks(expected, head).ShouldBe([
            "t.b: dropped, but the previous release uses it",
            "t.c: the previous release expects NULL",
            "t.d: added NOT NULL without a default; the previous release's inserts would fail",
        ], ignoreOrder: true);
    }

    private static Dictionary<(string Table, string Column), bool> Expectations(IEnumerable<string> lines) =>
        lines.Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 3))
            .ToDictionary(p => (p[0], p[1]), p => p[2] == "NULL");

    private static List<string> Breaks(Dictionary<(string Table, string Column), bool> expected, Dictionary<(string Table, string Column), (bool Nullable, bool HasDefault)> head)
    {
        var breaks = new List<string>();
        foreach (var ((table, column), nullable) in expected)
        {
            if (!head.TryGetValue((table, column), out var actual))
            {
                breaks.Add($"{table}.{column}: dropped, but the previous release uses it");
            }
            else if (actual.Nullable != nullable)
            {
                breaks.Add($"{table}.{column}: the previous release expects {(nullable ? "NULL" : "NOT NULL")}");
            }
        }

        var tables = expected.Keys.Select(k => k.Table).ToHashSet(StringComparer.Ordinal);
        breaks.AddRange(head
            .Where(c => tables.Contains(c.Key.Table) && !expected.ContainsKey(c.Key) && !c.Value.Nullable && !c.Value.HasDefault)
            .Select(c => $"{c.Key.Table}.{c.Key.Column}: added NOT NULL without a default; the previous release's inserts would fail"));
        return breaks;
    }

    private static async Task<Dictionary<(string Table, string Column), (bool Nullable, bool HasDefault)>> ColumnsAsync(IsolatedMigrator migrator, DatabaseProvider provider)
    {
        await using var connection = await migrator.Connections.OpenAsync(CancellationToken.None);
        var rows = provider == DatabaseProvider.PostgreSql
            ? await connection.QueryAsync<(string Table, string Column, bool Nullable, bool HasDefault)>(
                """
                SELECT table_name, column_name, is_nullable = 'YES', column_default IS NOT NULL FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
                """)
            : await connection.QueryAsync<(string Table, string Column, bool Nullable, bool HasDefault)>(
                """
                SELECT m.name, p.name, p."notnull" = 0 AND p.pk = 0, p.dflt_value IS NOT NULL
                FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations'
                """);
        return rows.ToDictionary(r => (r.Table, r.Column), r => (r.Nullable, r.HasDefault));
    }
}
