using System.CommandLine;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// <c>payroll init</c>: create a new, empty database and migrate it to head, on purpose. In Production the server and
/// <c>migrate</c> refuse to create a SQLite database that DATA_DIR records as created before (it was lost, or a volume did
/// not mount); this verb is how an operator says that starting over is what they want.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var init = new Command("init", "Create a new, empty database at DATABASE_URL and migrate it to head. Refuses (exit 6) if the SQLite file exists.");
        init.SetAction((_, ct) => RunAsync(context, ct));
        return init;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        DatabaseSettings settings;
        try
        {
            settings = DatabaseSettings.Parse(context.Configuration["DATABASE_URL"]);
        }
        catch (DatabaseUrlException ex)
        {
            await context.Error.WriteLineAsync($"payroll: {ex.Message}");
            return CliExitCodes.Configuration;
        }

        if (settings.SqlitePath is { } path && File.Exists(path))
        {
            await context.Error.WriteLineAsync($"payroll: init: {path} already exists; nothing was changed. Use `payroll migrate up` to bring it to head.");
            return CliExitCodes.Refused;
        }

        return await MigrateCommand.InitAsync(context, settings, cancellationToken);
    }
}
