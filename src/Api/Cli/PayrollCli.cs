using System.CommandLine;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// The verbs of the <c>payroll</c> executable. Each verb is a command group in this folder; options that start with a dash
/// (such as <c>--urls</c>) belong to the server, not here.
/// </summary>
internal static class PayrollCli
{
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("PayrollPortal: with no verb, serves the API and portal on http://localhost:8000.");
        return await root.Parse(args).InvokeAsync();
    }
}
