using System.CommandLine;
using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.Api.Cli;

/// <summary><c>payroll idempotency prune</c>: removes keys past their retention, as the server's hourly pruner does.</summary>
internal static class IdempotencyCommand
{
    public static Command Create(CliContext context)
    {
        var prune = new Command("prune", "Remove idempotency keys past their retention (IDEMPOTENCY_RETENTION_HOURS, default 24).");
        prune.SetAction((_, ct) => CliServices.RunInScopeAsync(context, "idempotency prune", async (services, token) =>
        {
            var pruned = await services.GetRequiredService<IIdempotencyStore>().PruneAsync(token);
            await context.Out.WriteLineAsync($"pruned {pruned} expired idempotency key(s)");
            return CliExitCodes.Ok;
        }, ct));
        return new Command("idempotency", "Idempotency keys of write requests.") { prune };
    }
}
