using System.CommandLine;
using PayrollPortal.Infrastructure.Persistence.Audit;

namespace PayrollPortal.Api.Cli;

/// <summary><c>payroll audit verify</c>: walks every hash chain; exit 0 when intact, 1 naming the first broken or missing link.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var verify = new Command("verify", "Check every audit chain: exit 0 when intact, otherwise exit 1 and name the first broken or missing link.");
        verify.SetAction((_, ct) => CliServices.RunInScopeAsync(context, "audit verify", async (services, token) =>
        {
            var report = await services.GetRequiredService<AuditVerifier>().VerifyAsync(token);
            if (report.IsIntact)
            {
                await context.Out.WriteLineAsync($"ok: {report.Events} event(s) in {report.Chains} chain(s), every link intact");
                return CliExitCodes.Ok;
            }

            await context.Error.WriteLineAsync($"payroll: audit verify: the audit trail was altered; first problem: {report.Problems[0]}");
            foreach (var problem in report.Problems)
            {
                await context.Error.WriteLineAsync(problem);
            }

            if (report.ProblemCount > report.Problems.Count)
            {
                await context.Error.WriteLineAsync($"... and {report.ProblemCount - report.Problems.Count} more problem(s) in {report.BrokenChains} broken chain(s)");
            }

            return CliExitCodes.Usage;
        }, ct));
        return new Command("audit", "The tamper-evident audit trail.") { verify };
    }
}
