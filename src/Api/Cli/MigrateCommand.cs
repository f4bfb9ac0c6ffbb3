using System.CommandLine;
using System.Data.Common;
using System.Text.RegularExpressions;
using PayrollPortal.Infrastructure;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.Infrastructure.Security;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// <c>payroll migrate up|down|status|verify</c>. Each run builds a small service provider with the same
/// <c>AddInfrastructure()</c> as the server and reads <c>DATABASE_URL</c> from the environment, so the CLI migrates exactly
/// the database the server would use, through the same locked migrator.
/// </summary>
internal static partial class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var up = new Command("up", "Apply pending migrations, all of them or up to and including --to, each in its own transaction.");
        var to = new Option<string?>("--to") { Description = "Stop after this version (four digits, such as 0003).", HelpName = "NNNN" };
        to.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Version().IsMatch(value))
            {
                result.AddError($"--to takes a four-digit version such as 0001, not '{value}'.");
            }
        });
        up.Options.Add(to);
        var upScripts = AddCommonOptions(up, withLock: true, out var upLock);
        up.SetAction((parse, ct) => RunAsync(context, "up", parse.GetValue(upScripts), parse.GetValue(upLock),
            (migrator, token) => UpAsync(context, migrator, parse.GetValue(to), token), ct));

        var down = new Command("down", "Revert the newest applied migrations: run each .down.sql and delete its journal row, in one transaction.");
        var steps = new Option<int>("--steps") { Description = "How many migrations to revert, newest first.", DefaultValueFactory = _ => 1, HelpName = "N" };
        steps.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--steps must be 1 or more.");
            }
        });
        down.Options.Add(steps);
        var downScripts = AddCommonOptions(down, withLock: true, out var downLock);
        down.SetAction((parse, ct) => RunAsync(context, "down", parse.GetValue(downScripts), parse.GetValue(downLock),
            (migrator, token) => DownAsync(context, migrator, parse.GetValue(steps), token), ct));

        var status = new Command("status", "List every migration: applied or pending, when, its checksum and whether it matches. Exits 0 if the journal can be read.");
        var statusScripts = AddCommonOptions(status, withLock: false, out _);
        status.SetAction((parse, ct) => RunAsync(context, "status", parse.GetValue(statusScripts), null,
            (migrator, token) => StatusAsync(context, migrator, token), ct));

        var verify = new Command("verify", "Exit 0 only at head with no drift; otherwise exit 3 with one line per problem.");
        var verifyScripts = AddCommonOptions(verify, withLock: false, out _);
        verify.SetAction((parse, ct) => RunAsync(context, "verify", parse.GetValue(verifyScripts), null,
            (migrator, token) => VerifyAsync(context, migrator, token), ct));

        return new Command("migrate", "Database migrations: the embedded db/<provider>/NNNN_name.sql scripts and their .down.sql twins.")
        {
            up, down, status, verify,
        };
    }

    private static Option<string?> AddCommonOptions(Command command, bool withLock, out Option<string?> lockTimeout)
    {
        var scripts = new Option<string?>("--scripts")
        {
            Description = "Also use the NNNN_name.sql migrations in this folder (or its postgres/ or sqlite/ subfolder): the rollback rehearsal.",
            HelpName = "DIR",
        };
        command.Options.Add(scripts);
        lockTimeout = new Option<string?>("--lock-timeout")
        {
            Description = $"Seconds to wait for another migrator's lock (default {MigrationOptions.DefaultLockTimeout.TotalSeconds:0}, or {MigrationOptions.LockTimeoutVariable}).",
            HelpName = "SECONDS",
        };
        if (withLock)
        {
            command.Options.Add(lockTimeout);
        }

        return scripts;
    }

    /// <summary>
    /// <c>payroll init</c>: migrates a database that does not exist yet, even where a SQLite database was recorded, and
    /// records the new one. The caller has checked that there is nothing to overwrite.
    /// </summary>
    public static async Task<int> InitAsync(CliContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var exit = await RunAsync(context, "init", null, null, (migrator, token) => UpAsync(context, migrator, null, token), cancellationToken, mayCreate: true);
        if (exit == CliExitCodes.Ok && settings.SqlitePath is { } path)
        {
            var dataDirectory = PiiKeyRingLoader.DataDirectory(context.Configuration);
            SqliteDatabaseRecord.Record(dataDirectory, path);
            await context.Out.WriteLineAsync($"recorded in {SqliteDatabaseRecord.PathIn(dataDirectory)}");
        }

        return exit;
    }

    private static async Task<int> RunAsync(
        CliContext context, string verb, string? scriptsDirectory, string? lockTimeout, Func<SchemaMigrator, CancellationToken, Task<int>> run, CancellationToken cancellationToken,
        bool mayCreate = false)
    {
        try
        {
            // Opening a missing SQLite file creates it: in Production a recorded database that went missing is refused here
            // as it is by the server, or an init container's `migrate up` would hand the server a new, empty database.
            var settings = DatabaseSettings.Parse(context.Configuration["DATABASE_URL"]);
            if (!mayCreate && settings.SqlitePath is { } path && CliServices.IsProduction(context)
                && SqliteDatabaseRecord.WhyNotCreate(PiiKeyRingLoader.DataDirectory(context.Configuration), path) is { } refusal)
            {
                await context.Error.WriteLineAsync($"payroll: migrate {verb}: {refusal}");
                return CliExitCodes.SchemaNotAtHead;
            }

            var options = MigrationOptions.FromConfiguration(context.Configuration);
            options = options with
            {
                LockTimeout = MigrationOptions.ParseLockTimeout(lockTimeout) ?? options.LockTimeout,
                ExtraScriptsDirectory = scriptsDirectory is null ? null : Path.GetFullPath(scriptsDirectory),
            };

            var services = new ServiceCollection();
            services.AddSingleton(context.Configuration);
            services.AddLogging();
            services.AddInfrastructure();
            services.AddSingleton(options);
            await using var provider = services.BuildServiceProvider();
            var migrator = provider.GetRequiredService<SchemaMigrator>();
            await context.Out.WriteLineAsync($"database: {migrator.Settings.SafeDisplay}");
            return await run(migrator, cancellationToken);
        }
        catch (DatabaseUrlException ex)
        {
            await context.Error.WriteLineAsync($"payroll: {ex.Message}");
            return CliExitCodes.Configuration;
        }
        catch (MigrationException ex)
        {
            await context.Error.WriteLineAsync($"payroll: migrate {verb}: {ex.Message}");
            foreach (var problem in ex.Problems)
            {
                await context.Error.WriteLineAsync(problem);
            }

            return ex.Failure switch
            {
                MigrationFailure.Configuration => CliExitCodes.Configuration,
                MigrationFailure.InvalidRequest => CliExitCodes.Usage,
                MigrationFailure.LockTimeout => CliExitCodes.LockTimeout,
                _ => CliExitCodes.MigrationFailed,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"payroll: migrate {verb}: cancelled; each migration is its own transaction, so none is half-applied.");
            return CliExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"payroll: migrate {verb}: {MigrationReport.OneLine(ex.Message)}");
            return CliExitCodes.MigrationFailed;
        }
    }

    private static async Task<int> UpAsync(CliContext context, SchemaMigrator migrator, string? toVersion, CancellationToken cancellationToken)
    {
        var applied = await migrator.UpAsync(toVersion, cancellationToken);
        foreach (var step in applied)
        {
            await context.Out.WriteLineAsync($"applied {step.ScriptName} ({step.ElapsedMs} ms)");
        }

        var status = await migrator.VerifyAsync(cancellationToken);
        await context.Out.WriteLineAsync((applied.Count == 0 ? "nothing to apply: " : string.Empty) + MigrationReport.Position(status));
        return CliExitCodes.Ok;
    }

    private static async Task<int> DownAsync(CliContext context, SchemaMigrator migrator, int steps, CancellationToken cancellationToken)
    {
        foreach (var step in await migrator.DownAsync(steps, cancellationToken))
        {
            await context.Out.WriteLineAsync($"reverted {step.ScriptName} ({step.ElapsedMs} ms)");
        }

        await context.Out.WriteLineAsync(MigrationReport.Position(await migrator.VerifyAsync(cancellationToken)));
        return CliExitCodes.Ok;
    }

    private static async Task<int> StatusAsync(CliContext context, SchemaMigrator migrator, CancellationToken cancellationToken)
    {
        var journal = await migrator.ReadJournalAsync(cancellationToken);
        await context.Out.WriteAsync(MigrationReport.Table(SchemaMigrator.StatusRows(migrator.Scripts, journal)));
        var status = SchemaMigrator.Compare(migrator.Scripts, journal);
        await context.Out.WriteLineAsync(MigrationReport.Position(status));
        foreach (var problem in status.Problems)
        {
            await context.Out.WriteLineAsync($"  {problem}");
        }

        return CliExitCodes.Ok;
    }

    private static async Task<int> VerifyAsync(CliContext context, SchemaMigrator migrator, CancellationToken cancellationToken)
    {
        var status = await migrator.VerifyAsync(cancellationToken);
        if (status.IsAtHead)
        {
            await context.Out.WriteLineAsync(
                $"ok: at head {status.HeadVersion ?? "(no migrations)"}; {migrator.Scripts.Count} migration(s) applied, checksums match, every down script present");
            return CliExitCodes.Ok;
        }

        foreach (var problem in status.Problems)
        {
            await context.Error.WriteLineAsync(problem);
        }

        return CliExitCodes.SchemaNotAtHead;
    }

    [GeneratedRegex(@"^\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}
