using System.CommandLine;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// The verbs of the <c>payroll</c> executable. Each verb is a command group in this folder; options that start with a dash
/// (such as <c>--urls</c>) belong to the server, not here.
/// </summary>
internal static class PayrollCli
{
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, new CliContext(new ConfigurationBuilder().AddEnvironmentVariables().Build(), Console.Out, Console.Error), CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = new RootCommand("PayrollPortal: with no verb, serves the API and portal on http://localhost:8000.")
        {
            InitCommand.Create(context),
            MigrateCommand.Create(context),
            PiiCommand.Create(context),
            IdempotencyCommand.Create(context),
            AuditCommand.Create(context),
            HealthcheckCommand.Create(context),
            UsersCommand.Create(context),
            BackupCommand.Create(context),
            RestoreCommand.Create(context),
            DrillCommand.Create(context),
        };
        foreach (var verb in Hosting.RegimeModules.Verbs(context))
        {
            root.Subcommands.Add(verb);
        }

        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return await root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
