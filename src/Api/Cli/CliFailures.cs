using System.Data.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.Infrastructure.Security;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// The failures every verb that opens the database shares, each turned into one line on standard error and an exit code:
/// 2 configuration (DATABASE_URL, PII keys, a migration configuration error), 4 a migration failed, 130 cancelled, 7 the
/// database or the file system did not let the work finish.
/// </summary>
internal static class CliFailures
{
    /// <param name="cancelledNote">What a cancelled run leaves behind, said after "cancelled;".</param>
    public static async Task<int> GuardAsync(
        CliContext context, string verb, string cancelledNote, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is DatabaseUrlException or PiiKeyException)
        {
            await context.Error.WriteLineAsync($"payroll: {ex.Message}");
            return CliExitCodes.Configuration;
        }
        catch (MigrationException ex)
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: {ex.Message}");
            return ex.Failure == MigrationFailure.Configuration ? CliExitCodes.Configuration : CliExitCodes.MigrationFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: cancelled; {cancelledNote}");
            return CliExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: {MigrationReport.OneLine(ex.Message)}");
            return CliExitCodes.Incomplete;
        }
    }
}
