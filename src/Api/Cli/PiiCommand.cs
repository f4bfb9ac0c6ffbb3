using System.CommandLine;
using PayrollPortal.Infrastructure.Security;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// <c>payroll pii rotate</c> re-encrypts employee SSNs under the first key of <c>PII_ENCRYPTION_KEYS</c>;
/// <c>payroll pii new-key --kid K</c> prints a fresh <c>kid:base64</c> entry to put first in that list. See docs/OPERATIONS.md.
/// </summary>
internal static class PiiCommand
{
    public static Command Create(CliContext context)
    {
        var rotate = new Command(
            "rotate",
            "Re-encrypt every employee SSN not under the first key of PII_ENCRYPTION_KEYS, and recompute its blind index under that key. " +
            "One transaction per batch; running it again rotates nothing.");
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Rows per transaction.",
            DefaultValueFactory = _ => PiiRotation.DefaultBatchSize,
            HelpName = "N",
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--batch-size must be between 1 and 10000.");
            }
        });
        rotate.Options.Add(batchSize);
        rotate.SetAction((parse, ct) => DataVerb.RunAsync(
            context, "pii rotate", migrateLikeTheServer: false, (services, token) => RotateAsync(context, services, parse.GetValue(batchSize), token), ct));

        var newKey = new Command("new-key", "Print a new key entry kid:base64 (32 random bytes) on standard output, for PII_ENCRYPTION_KEYS.");
        var kid = new Option<string>("--kid") { Description = "The key id: 1 to 32 letters, digits, '-' or '_'; never reuse one.", Required = true, HelpName = "KID" };
        newKey.Options.Add(kid);
        newKey.SetAction(parse => NewKey(context, parse.GetValue(kid)!));

        return new Command("pii", "Keys that protect employee SSNs: rotate the stored values, make a new key.") { rotate, newKey };
    }

    private static async Task<int> RotateAsync(CliContext context, IServiceProvider services, int batchSize, CancellationToken cancellationToken)
    {
        var ring = services.GetRequiredService<PiiKeyRing>();
        var rotation = services.GetRequiredService<PiiRotation>();
        await context.Out.WriteLineAsync($"current key: {ring.Current.Id} (ring: {string.Join(", ", ring.Keys.Select(k => k.Id))})");
        var batches = 0;
        var report = await rotation.RotateAsync(batchSize, progress =>
        {
            batches++;
            context.Out.WriteLine($"batch {batches}: rotated {progress.Rotated} of {progress.Total} so far");
        }, cancellationToken);

        await context.Out.WriteLineAsync($"rotated {report.Rotated} of {report.Total} employee SSN(s) to key {report.KeyId}");
        if (report.Skipped.Count == 0)
        {
            await context.Out.WriteLineAsync(report.Total == 0 ? "no employees" : $"all {report.Total} under key {report.KeyId}");
            return CliExitCodes.Ok;
        }

        foreach (var skip in report.Skipped)
        {
            await context.Error.WriteLineAsync($"{skip.Subject} {skip.EmployeeId}: {skip.Reason}");
        }

        await context.Error.WriteLineAsync(
            $"payroll: pii rotate: {report.Skipped.Count} SSN(s) not rotated; keep every old key in {PiiKeyRing.Variable} until a run ends with none.");
        return CliExitCodes.Incomplete;
    }

    private static int NewKey(CliContext context, string kid)
    {
        var entry = PiiKeyRing.NewEntry(kid);
        try
        {
            PiiKeyRing.Parse(entry).Dispose(); // parsed only to check the kid
        }
        catch (PiiKeyException)
        {
            context.Error.WriteLine($"payroll: pii new-key: --kid must be 1 to 32 letters, digits, '-' or '_', not '{kid}'.");
            return CliExitCodes.Usage;
        }

        context.Out.WriteLine(entry);
        context.Error.WriteLine(
            $"Escrow this entry first, then put it first in {PiiKeyRing.Variable} (keep the old keys after it), restart, and run `payroll pii rotate`.");
        return CliExitCodes.Ok;
    }
}
