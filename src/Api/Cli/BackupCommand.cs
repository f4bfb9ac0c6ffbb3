using System.CommandLine;
using PayrollPortal.Infrastructure.Backups;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// <c>payroll backup [--out DIR]</c>, <c>payroll backup verify FILE</c> and <c>payroll backup prune</c>. See docs/DR_RUNBOOK.md.
/// </summary>
internal static class BackupCommand
{
    public const string DefaultDirectory = "backups";

    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Folder for the backup and its manifest.", DefaultValueFactory = _ => DefaultDirectory, HelpName = "DIR" };
        var backup = new Command(
            "backup",
            "Back up the configured database (SQLite: app_<UTC>.db through the online backup API; PostgreSQL: backup_<UTC>.dump through pg_dump), " +
            "check it, and write its manifest <file>.json beside it.")
        {
            output,
        };
        backup.SetAction((parse, ct) => BackupVerb.RunAsync(context, "backup", (services, token) => BackupAsync(context, services, parse.GetValue(output)!, token), ct));

        var file = new Argument<string>("file") { Description = "A backup file (app_*.db or backup_*.dump) with its manifest beside it." };
        var verify = new Command("verify", "Restore a backup into a scratch database and check it: manifest, integrity, rows and checksums, migrations, PII keys.") { file };
        verify.SetAction((parse, ct) => BackupVerb.RunAsync(context, "backup verify", (services, token) => VerifyAsync(context, services, parse.GetValue(file)!, token), ct));

        var directory = new Option<string>("--dir") { Description = "The backup folder.", DefaultValueFactory = _ => DefaultDirectory, HelpName = "DIR" };
        var keepLast = new Option<int?>("--keep-last") { Description = "Keep the newest N backups.", HelpName = "N" };
        var keepDays = new Option<int?>("--keep-days") { Description = "Keep every backup younger than D days.", HelpName = "D" };
        var prune = new Command("prune", "Delete old backups and their manifests; a backup is kept when either rule keeps it.") { directory, keepLast, keepDays };
        prune.Validators.Add(result =>
        {
            var last = result.GetValue(keepLast);
            var days = result.GetValue(keepDays);
            if (last is null && days is null)
            {
                result.AddError("give --keep-last N, --keep-days D or both.");
            }

            if (last is < 1 || days is < 0)
            {
                result.AddError("--keep-last must be 1 or more and --keep-days 0 or more.");
            }
        });
        prune.SetAction(parse => Prune(context, parse.GetValue(directory)!, parse.GetValue(keepLast), parse.GetValue(keepDays)));

        backup.Subcommands.Add(verify);
        backup.Subcommands.Add(prune);
        return backup;
    }

    private static async Task<int> BackupAsync(CliContext context, IServiceProvider services, string directory, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<DatabaseBackup>().CreateAsync(directory, BackupVerb.TerminalProgress(context), cancellationToken);
        var manifest = result.Manifest;
        await context.Out.WriteLineAsync($"backup: {result.File} ({BackupVerb.Size(manifest.SizeBytes)}, {result.Elapsed.TotalSeconds:0.0} s)");
        await context.Out.WriteLineAsync($"checked: {(manifest.Provider == "sqlite" ? "PRAGMA quick_check ok" : "pg_restore --list ok")}; schema {manifest.SchemaVersion ?? "(none)"}");
        await context.Out.WriteLineAsync($"sha256: {manifest.Sha256}");
        await context.Out.WriteLineAsync($"timings: {string.Join(", ", result.Phases.Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:0.00} s"))}");
        await context.Out.WriteLineAsync($"rows: {string.Join(", ", manifest.Tables.Select(t => $"{t.Table} {t.Rows}"))}");
        await context.Out.WriteLineAsync($"manifest: {BackupManifest.PathFor(result.File)}");
        return CliExitCodes.Ok;
    }

    private static async Task<int> VerifyAsync(CliContext context, IServiceProvider services, string file, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<BackupVerifier>().VerifyAsync(
            Path.GetFullPath(file), check => context.Out.WriteLine($"{(check.Ok ? "ok  " : "FAIL")}  {check.Name}: {check.Detail}"), cancellationToken);
        if (report.Ok)
        {
            await context.Out.WriteLineAsync($"verified: {Path.GetFileName(file)} restores and matches its manifest ({report.Elapsed.TotalSeconds:0.0} s)");
            return CliExitCodes.Ok;
        }

        var failed = report.Checks.First(c => !c.Ok);
        await context.Error.WriteLineAsync($"payroll: backup verify: {Path.GetFileName(file)} is not a good backup: {failed.Name}: {failed.Detail}");
        return CliExitCodes.CheckFailed;
    }

    private static int Prune(CliContext context, string directory, int? keepLast, int? keepDays)
    {
        var decisions = BackupPruner.Plan(directory, keepLast, keepDays, DateTimeOffset.UtcNow);
        var deleted = 0;
        foreach (var decision in decisions)
        {
            if (decision.Keep)
            {
                context.Out.WriteLine($"keep    {Path.GetFileName(decision.File)} ({decision.Reason})");
                continue;
            }

            try
            {
                BackupPruner.Delete(decision);
                deleted++;
                context.Out.WriteLine($"delete  {Path.GetFileName(decision.File)} ({decision.Reason})");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"payroll: backup prune: cannot delete {decision.File}: {ex.Message}");
                return CliExitCodes.Incomplete;
            }
        }

        context.Out.WriteLine($"pruned {deleted} of {decisions.Count} backup(s) in {Path.GetFullPath(directory)}");
        return CliExitCodes.Ok;
    }
}
