using Microsoft.Extensions.Configuration;
using PayrollPortal.Api.Cli;
using PayrollPortal.Infrastructure.Security;

namespace PayrollPortal.Infrastructure.Tests.Security;

/// <summary>The <c>payroll pii</c> verbs in process, and the key ring setting, for the PII rotation tests.</summary>
internal static class PiiCli
{
    public static Dictionary<string, string?> Keys(string ring) => new() { [PiiKeyRing.Variable] = ring };

    public static async Task<CliResult> RunAsync(string? databaseUrl, string? piiKeys, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = databaseUrl,
            [PiiKeyRing.Variable] = piiKeys,
            ["DATA_DIR"] = Path.Combine(Path.GetTempPath(), "payroll-tests", "cli-" + Guid.NewGuid().ToString("N")),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PayrollCli.RunAsync(args, new CliContext(configuration, output, error), CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public sealed record CliResult(int ExitCode, string Output, string Error);
}
