using PayrollPortal.Infrastructure.Backups;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// Runs <c>backup</c>, <c>restore</c> and <c>drill</c> on the server's services and turns their failures into one line and an
/// exit code: 2 configuration (pg_dump missing, DATABASE_URL, PII keys), 6 refused (a target with data, no --force), 7 did not
/// finish (database unreachable, disk full), 8 a check failed (not a backup, corrupted, a drill step).
/// </summary>
internal static class BackupVerb
{
    public static Task<int> RunAsync(
        CliContext context, string verb, Func<IServiceProvider, CancellationToken, Task<int>> run, CancellationToken cancellationToken) =>
        CliFailures.GuardAsync(context, verb, "nothing that looks complete was left behind.", async () =>
        {
            try
            {
                await using var services = CliServices.Build(context);
                await context.Out.WriteLineAsync($"database: {services.GetRequiredService<DatabaseSettings>().SafeDisplay}");
                return await run(services, cancellationToken);
            }
            catch (BackupException ex)
            {
                await context.Error.WriteLineAsync($"payroll: {verb}: {ex.Message}");
                return ex.Failure switch
                {
                    BackupFailure.Configuration => CliExitCodes.Configuration,
                    BackupFailure.Refused => CliExitCodes.Refused,
                    BackupFailure.Invalid => CliExitCodes.CheckFailed,
                    _ => CliExitCodes.Incomplete,
                };
            }
        }, cancellationToken);

    /// <summary>Progress on a terminal only, rewritten in place at most four times a second; nothing when output is redirected.</summary>
    public static Action<BackupProgress>? TerminalProgress(CliContext context)
    {
        if (!ReferenceEquals(context.Error, Console.Error) || Console.IsErrorRedirected)
        {
            return null;
        }

        var last = 0L;
        return progress =>
        {
            var now = Environment.TickCount64;
            if (now - last < 250 && progress.Done != progress.Total)
            {
                return;
            }

            last = now;
            var amount = progress.Unit == "bytes" ? $"{progress.Done / 1048576.0:0.0} MB" : $"{progress.Done} {progress.Unit}";
            var share = progress.Total is > 0 ? $" of {progress.Total} ({100.0 * progress.Done / progress.Total:0}%)" : string.Empty;
            context.Error.Write($"\r{progress.Phase}: {amount}{share}".PadRight(60));
            if (progress.Total is > 0 && progress.Done == progress.Total)
            {
                context.Error.WriteLine();
            }
        };
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / 1048576.0:0.0} MiB",
        _ => $"{bytes / 1073741824.0:0.00} GiB",
    };
}
