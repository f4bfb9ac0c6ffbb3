using System.CommandLine;
using Dapper;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// <c>payroll users create --email E --role R [--company ID-OR-SLUG] [--password-stdin]</c>: creates a user through the same
/// use case as the API, as the trusted operator. Without <c>--password-stdin</c> a generated password is printed once.
/// Exit codes: 1 bad arguments or unknown company, 6 the email is taken (nothing changed).
/// <c>payroll users set-password --email E [--password-stdin] [--keep-tokens]</c>: the recovery for a forgotten password or a
/// locked-out administrator: a new password (generated and printed once without <c>--password-stdin</c>), the lock cleared,
/// every session of the user ended and, unless <c>--keep-tokens</c>, every API token revoked. Exit codes: 1 bad arguments or no such user.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The user's email (their sign-in name).", Required = true };
        var role = new Option<string>("--role") { Description = "admin (global), company_admin, payroll_manager or viewer.", Required = true };
        var company = new Option<string?>("--company") { Description = "The company's id or slug; required for a company role." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input instead of generating one." };
        var create = new Command("create", "Create a user: a global admin, or a member of one company with a role.") { email, role, company, passwordStdin };
        create.SetAction((parse, ct) => DataVerb.RunAsync(context, "users create", migrateLikeTheServer: false,
            (services, token) => CreateAsync(context, services, parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(company), parse.GetValue(passwordStdin), token), ct));
        var setEmail = new Option<string>("--email") { Description = "The user's email.", Required = true };
        var setStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from the first line of standard input instead of generating one." };
        var keepTokens = new Option<bool>("--keep-tokens") { Description = "Leave the user's API tokens working (by default they are revoked with the password)." };
        var setPassword = new Command("set-password", "Set a user's password (forgotten password, locked-out admin); ends their sessions and revokes their API tokens.")
        {
            setEmail, setStdin, keepTokens,
        };
        setPassword.SetAction((parse, ct) => DataVerb.RunAsync(context, "users set-password", migrateLikeTheServer: false,
            (services, token) => SetPasswordAsync(context, services, parse.GetValue(setEmail)!, parse.GetValue(setStdin), !parse.GetValue(keepTokens), token), ct));
        return new Command("users", "Manage portal users.") { create, setPassword };
    }

    private static async Task<int> SetPasswordAsync(
        CliContext context, IServiceProvider services, string email, bool passwordStdin, bool revokeTokens, CancellationToken cancellationToken)
    {
        var password = await ReadPasswordAsync(context, "users set-password", passwordStdin, cancellationToken);
        if (passwordStdin && password is null)
        {
            return CliExitCodes.Usage;
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SetUserPassword(email, password, revokeTokens), cancellationToken);
        if (!result.IsSuccess)
        {
            await context.Error.WriteLineAsync($"payroll: users set-password: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            return CliExitCodes.Usage;
        }

        var outcome = result.Value!;
        await context.Out.WriteLineAsync($"password set for {outcome.Email} {outcome.UserId}; lock cleared; {outcome.SessionsEnded} session(s) ended; {outcome.TokensRevoked} API token(s) revoked");
        if (outcome.GeneratedPassword is { } generated)
        {
            await context.Out.WriteLineAsync($"password: {generated}  (shown only this once)");
        }

        return CliExitCodes.Ok;
    }

    /// <summary>The first line of standard input with <c>--password-stdin</c> (null, with the error written, when empty); else null.</summary>
    private static async Task<string?> ReadPasswordAsync(CliContext context, string verb, bool passwordStdin, CancellationToken cancellationToken)
    {
        if (!passwordStdin)
        {
            return null;
        }

        var password = (await context.Input.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
        if (string.IsNullOrEmpty(password))
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: --password-stdin read no password.");
            return null;
        }

        return password;
    }

    private static async Task<int> CreateAsync(
        CliContext context, IServiceProvider services, string email, string role, string? company, bool passwordStdin, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        Guid? companyId = null;
        if (company is not null)
        {
            companyId = await FindCompanyAsync(scope.ServiceProvider.GetRequiredService<DbSession>(), company, cancellationToken);
            if (companyId is null)
            {
                await context.Error.WriteLineAsync($"payroll: users create: no company has the id or slug '{company}'.");
                return CliExitCodes.Usage;
            }
        }

        var password = await ReadPasswordAsync(context, "users create", passwordStdin, cancellationToken);
        if (passwordStdin && password is null)
        {
            return CliExitCodes.Usage;
        }

        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUser(email, password, role, companyId), cancellationToken);
        if (!result.IsSuccess)
        {
            await context.Error.WriteLineAsync($"payroll: users create: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            return result.FirstError.Type == ErrorType.Conflict ? CliExitCodes.Refused : CliExitCodes.Usage;
        }

        var user = result.Value!;
        await context.Out.WriteLineAsync(user.ExistingAccount
            ? $"added existing user {user.Email} to company {user.CompanyId} as {user.Role} {user.Id}"
            : $"created user {user.Email} ({user.Role}{(user.CompanyId is { } id ? $" of company {id}" : string.Empty)}) {user.Id}");
        if (user.GeneratedPassword is { } generated)
        {
            await context.Out.WriteLineAsync($"password: {generated}  (shown only this once)");
        }

        return CliExitCodes.Ok;
    }

    private static async Task<Guid?> FindCompanyAsync(DbSession session, string idOrSlug, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return Guid.TryParse(idOrSlug, out var id)
            ? await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("SELECT id FROM companies WHERE id = @id", new { id }, cancellationToken: cancellationToken))
            : await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("SELECT id FROM companies WHERE slug = @idOrSlug", new { idOrSlug }, cancellationToken: cancellationToken));
    }
}
