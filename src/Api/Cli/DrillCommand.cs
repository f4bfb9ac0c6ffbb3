using System.CommandLine;
using PayrollPortal.Api.Cli.Drill;

namespace PayrollPortal.Api.Cli;

/// <summary><c>payroll drill [--report FILE] [--keep] [--blue-green]</c>: the runbook's DR drill, automated. Exit 0 when every step passes, else 8.</summary>
internal static class DrillCommand
{
    public static Command Create(CliContext context)
    {
        var report = new Option<string?>("--report") { Description = "Also write the report as JSON to this file.", HelpName = "FILE" };
        var keep = new Option<bool>("--keep") { Description = "Keep the staging database and the drill's backup for inspection." };
        var blueGreen = new Option<bool>("--blue-green")
        {
            Description = "Also switch blue to green under load on staging (PostgreSQL, HAProxy): two blue instances, one killed, green switched in, blue drained.",
        };
        var rehearsal = new Option<string?>("--rehearsal-scripts")
        {
            Description = "The dummy migrations of the rollback rehearsal (default: db/rehearsal beside payroll.dll, else ./db/rehearsal).",
            HelpName = "DIR",
        };
        var drill = new Command(
            "drill",
            "Back up the configured database, restore it into a new staging database, migrate it, serve the app on it and smoke-test it, " +
            "compare its data with the backup's manifest, rehearse a rollback, and report each step with the RTO and RPO.")
        {
            report, keep, rehearsal, blueGreen,
        };
        drill.SetAction((parse, ct) => BackupVerb.RunAsync(context, "drill", async (services, token) =>
        {
            var scripts = parse.GetValue(rehearsal) ?? DefaultRehearsalScripts();
            await using var runner = new DrillRunner(context, services, Path.GetFullPath(scripts), parse.GetValue(keep), parse.GetValue(blueGreen));
            var result = await runner.RunAsync(token);
            if (parse.GetValue(report) is { } path)
            {
                await File.WriteAllTextAsync(path, result.ToJson(), token);
            }

            await context.Out.WriteLineAsync();
            await context.Out.WriteAsync(result.Summary());
            if (parse.GetValue(report) is { } written)
            {
                await context.Out.WriteLineAsync($"report: {Path.GetFullPath(written)}");
            }

            return result.Passed ? CliExitCodes.Ok : CliExitCodes.CheckFailed;
        }, ct));
        return drill;
    }

    private static string DefaultRehearsalScripts()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "db", "rehearsal");
        return Directory.Exists(shipped) ? shipped : Path.Combine("db", "rehearsal");
    }
}
