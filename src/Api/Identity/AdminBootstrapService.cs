using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Api.Identity;

/// <summary>
/// First start: when no global administrator exists, creates one from <c>ADMIN_EMAIL</c>/<c>ADMIN_PASSWORD</c>, or with a
/// generated password printed once to the console (stdout, never the log). Runs after the start-up migration; afterwards it
/// does nothing, so changing the variables later changes no password.
/// </summary>
internal sealed partial class AdminBootstrapService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AdminBootstrapService> logger)
    : IHostedLifecycleService
{
    public const string DefaultEmail = "admin@localhost";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Assign(Caller.System("bootstrap"));
        if (await scope.ServiceProvider.GetRequiredService<IUserRepository>().AnyAdminAsync(cancellationToken))
        {
            return;
        }

        var email = configuration["ADMIN_EMAIL"] is { Length: > 0 } configured ? configured : DefaultEmail;
        var password = configuration["ADMIN_PASSWORD"] is { Length: > 0 } given ? given : null;
        var result = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new CreateUser(email, password, CompanyRoles.Admin, null), cancellationToken);
        if (!result.IsSuccess)
        {
            if (result.FirstError.Type == ErrorType.Conflict)
            {
                return; // another instance created it first
            }

            throw new InvalidOperationException($"Cannot create the first administrator: {string.Join(" ", result.Errors.Select(e => e.Message))}");
        }

        LogCreated(logger, result.Value!.Email, password is null ? "a generated password, printed once to the console" : "ADMIN_PASSWORD");
        if (result.Value.GeneratedPassword is { } generated)
        {
            await Console.Out.WriteLineAsync(
                $"payroll: created the administrator {result.Value.Email} with the password {generated} (shown only this once; sign in and keep it safe)");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Created the first administrator {Email} with {PasswordSource}")]
    private static partial void LogCreated(ILogger logger, string email, string passwordSource);
}
