using Microsoft.Extensions.Configuration;
using PayrollPortal.Api.Cli;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

/// <summary>The verbs in process, with DATABASE_URL given as the environment would give it. build/preflight.sh runs the real executable.</summary>
public sealed class MigrateCliTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_WhenWalkedThroughEveryVerb_ShouldPrintAndExitAsDocumented(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var head = MigrationHead(provider);

        var verifyEmpty = await RunAsync(database.Url, "migrate", "verify");
        verifyEmpty.ExitCode.ShouldBe(3);
        verifyEmpty.Error.ShouldContain($"pending: {head} is not applied");

        var up = await RunAsync(database.Url, "migrate", "up");
        up.ExitCode.ShouldBe(0);
        up.Output.ShouldContain($"applied {head} (");
        up.Output.ShouldContain(": up to date");

        var status = await RunAsync(database.Url, "migrate", "status");
        status.ExitCode.ShouldBe(0);
        status.Output.ShouldContain("VERSION  NAME");
        var row = status.OutputLines.Single(line => line.StartsWith(head[..4], StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        row.ShouldBe([head[..4], head[5..], "expand", "applied", row[4], row[5], "yes", "yes"]);

        var verify = await RunAsync(database.Url, "migrate", "verify");
        verify.ExitCode.ShouldBe(0);
        verify.Output.ShouldContain("ok: at head");
        verify.Error.ShouldBeEmpty();

        var again = await RunAsync(database.Url, "migrate", "up");
        again.ExitCode.ShouldBe(0);
        again.Output.ShouldContain("nothing to apply");

        var down = await RunAsync(database.Url, "migrate", "down");
        down.ExitCode.ShouldBe(0);
        down.Output.ShouldContain($"reverted {head} (");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateDown_WhenNothingIsApplied_ShouldExit4WithOneLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var down = await RunAsync(database.Url, "migrate", "down");

        down.ExitCode.ShouldBe(4);
        down.ErrorLines.ShouldBe(["payroll: migrate down: nothing to revert: no migration is applied."]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateVerify_WhenAJournalChecksumIsEdited_ShouldExit3NamingTheScript(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await RunAsync(database.Url, "migrate", "up")).ExitCode.ShouldBe(0);
        await using (var instance = IsolatedMigrator.Create(database))
        {
            await instance.ExecuteAsync($"UPDATE schema_migrations SET checksum = 'edited' WHERE version = '{MigrationHead(provider)[..4]}'");
        }

        var verify = await RunAsync(database.Url, "migrate", "verify");

        verify.ExitCode.ShouldBe(3);
        verify.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"drift: {MigrationHead(provider)} changed after it was applied");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateUpThenDown_WithTheRehearsalScripts_ShouldLeaveTheDatabaseVerifiedAtHead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await RunAsync(database.Url, "migrate", "up")).ExitCode.ShouldBe(0);

        var up = await RunAsync(database.Url, "migrate", "up", "--scripts", ScriptsFolder.Rehearsal);
        var unknownMeanwhile = await RunAsync(database.Url, "migrate", "verify");
        var down = await RunAsync(database.Url, "migrate", "down", "--steps", "2", "--scripts", ScriptsFolder.Rehearsal);
        var verify = await RunAsync(database.Url, "migrate", "verify");

        up.ExitCode.ShouldBe(0);
        up.OutputLines.ShouldContain(l => l.StartsWith("applied 9902_seed_rehearsal_probe", StringComparison.Ordinal));
        unknownMeanwhile.ExitCode.ShouldBe(3);
        unknownMeanwhile.ErrorLines.Length.ShouldBe(2);
        down.ExitCode.ShouldBe(0);
        down.OutputLines.Where(l => l.StartsWith("reverted", StringComparison.Ordinal)).Select(l => l.Split(' ')[1])
            .ShouldBe(["9902_seed_rehearsal_probe", "9901_create_rehearsal_probe"]);
        verify.ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("postgresql://payroll:hunter2@/payroll")]
    [InlineData("mysql://payroll:hunter2@db/payroll")]
    [InlineData("not a url")]
    public async Task Migrate_WhenDatabaseUrlIsMalformed_ShouldExit2WithOneLineAndNoPassword(string url)
    {
        var result = await RunAsync(url, "migrate", "status");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("payroll: DATABASE_URL");
        (result.Output + result.Error).ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Migrate_WhenPostgreSqlIsUnreachable_ShouldExit4AndNeverPrintThePassword()
    {
        var result = await RunAsync("postgresql://payroll:hunter2@127.0.0.1:1/payroll", "migrate", "up");

        result.ExitCode.ShouldBe(4);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("payroll: migrate up: ");
        result.OutputLines.ShouldBe(["database: postgresql://payroll:***@127.0.0.1:1/payroll"]);
        (result.Output + result.Error).ShouldNotContain("hunter2");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    public async Task MigrateUp_WhenTheLockTimeoutIsNotANumberOfSeconds_ShouldExit2(string timeout)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database.Url, "migrate", "up", "--lock-timeout", timeout);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("must be a number of seconds");
    }

    [Theory]
    [InlineData("--to", "12")]
    [InlineData("--to", "0999")]
    public async Task MigrateUp_WhenToIsNotAVersionOfThisBuild_ShouldExit1(string option, string value)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database.Url, "migrate", "up", option, value);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(value);
    }

    private static string MigrationHead(DatabaseProvider provider) =>
        MigrationCatalog.Embedded(provider)[^1].ScriptName;

    private static async Task<CliResult> RunAsync(string databaseUrl, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PayrollCli.RunAsync(args, new CliContext(configuration, output, error), CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CliResult(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
