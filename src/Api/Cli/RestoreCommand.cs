using System.CommandLine;
using PayrollPortal.Infrastructure.Backups;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli;

/// <summary><c>payroll restore FILE [--target DATABASE_URL] [--force]</c>; prints <c>migrate status</c> of the target afterwards.</summary>
internal static class RestoreCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A backup file: app_*.db (SQLite) or backup_*.dump (PostgreSQL)." };
        var target = new Option<string?>("--target") { Description = "The database to restore into, as a DATABASE_URL (default: DATABASE_URL).", HelpName = "DATABASE_URL" };
        var force = new Option<bool>("--force") { Description = "Replace a target that already holds tables (stop its servers first)." };
        var restore = new Command("restore", "Restore a backup. The file is checked first; a target with data is refused without --force; a failure leaves the target as it was.")
        {
            file, target, force,
        };
        restore.SetAction((parse, ct) => BackupVerb.RunAsync(context, "restore", (services, token) =>
            RestoreAsync(context, services, Path.GetFullPath(parse.GetValue(file)!), parse.GetValue(target), parse.GetValue(force), token), ct));
        return restore;
    }

    private static async Task<int> RestoreAsync(CliContext context, IServiceProvider services, string file, string? targetUrl, bool force, CancellationToken cancellationToken)
    {
        var settings = targetUrl is null ? services.GetRequiredService<DatabaseSettings>() : DatabaseSettings.Parse(targetUrl);
        var restore = services.GetRequiredService<BackupRestore>();
        var manifest = await restore.CheckFileAsync(file, requireManifest: false, cancellationToken);
        await context.Out.WriteLineAsync(manifest is null
            ? $"file: {Path.GetFileName(file)} (no manifest beside it; checking its format only)"
            : $"file: {Path.GetFileName(file)} matches its manifest (taken {manifest.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}, schema {manifest.SchemaVersion})");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await restore.RestoreAsync(file, settings, force, cancellationToken);
        await context.Out.WriteLineAsync($"restored into {settings.SafeDisplay} ({started.Elapsed.TotalSeconds:0.0} s)");

        await using var restored = new StandaloneDatabase(settings);
        var journal = await restored.Migrator.ReadJournalAsync(cancellationToken);
        await context.Out.WriteAsync(MigrationReport.Table(Infrastructure.Persistence.Migrations.SchemaMigrator.StatusRows(restored.Migrator.Scripts, journal)));
        await context.Out.WriteLineAsync(MigrationReport.Position(Infrastructure.Persistence.Migrations.SchemaMigrator.Compare(restored.Migrator.Scripts, journal)));
        return CliExitCodes.Ok;
    }
}
