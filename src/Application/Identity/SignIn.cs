using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Checks an email and password and opens a portal session. An unknown email, a wrong password and a locked account are
/// refused alike and in about the same time (a dummy hash is verified when there is no account, and a locked account's
/// password is still checked). Five failures in a row lock the account for 15 minutes.
/// </summary>
[Requires(Access.Public)]
public sealed record SignIn(string? Email, string? Password) : ICommand<Result<SignInOutcome>>
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public sealed class Validator : AbstractValidator<SignIn>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithErrorCode("auth.email_required").WithMessage("email is required.")
                .MaximumLength(Emails.MaxLength).WithErrorCode("auth.email_too_long");
            RuleFor(x => x.Password).NotEmpty().WithErrorCode("auth.password_required").WithMessage("password is required.")
                .MaximumLength(Passwords.MaxLength).WithErrorCode("auth.password_too_long");
        }
    }

    public sealed class Handler(
        IUserRepository users, ISessionRepository sessions, IIdentityQueries queries, IPasswordHashing hashing, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<SignIn, Result<SignInOutcome>>
    {
        public async ValueTask<Result<SignInOutcome>> Handle(SignIn command, CancellationToken cancellationToken)
        {
            var email = Emails.Normalize(command.Email!);
            var now = clock.GetUtcNow();
            var user = await users.FindByEmailAsync(email, cancellationToken);
            if (user is null)
            {
                hashing.VerifyNothing(command.Password!);
                await RecordAsync(AuditActions.LoginFailed, null, new() { ["email"] = email, ["reason"] = "unknown_email" }, cancellationToken);
                return SignInOutcome.Refused;
            }

            var check = hashing.Verify(user.PasswordHash, command.Password!);
            if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
            {
                await RecordAsync(AuditActions.LoginFailed, user.Id, new() { ["email"] = email, ["reason"] = "locked" }, cancellationToken);
                return SignInOutcome.Refused;
            }

            if (check == PasswordCheck.Failed)
            {
                var failures = user.FailedLogins + 1;
                var locks = failures >= MaxFailedLogins;
                await users.RecordLoginFailureAsync(user.Id, locks ? 0 : failures, locks ? now + LockoutDuration : null, cancellationToken);
                await RecordAsync(AuditActions.LoginFailed, user.Id, new() { ["email"] = email, ["reason"] = "wrong_password", ["failures"] = failures }, cancellationToken);
                if (locks)
                {
                    await RecordAsync(AuditActions.UserLockedOut, user.Id, new() { ["email"] = email, ["until"] = now + LockoutDuration }, cancellationToken);
                }

                return SignInOutcome.Refused;
            }

            await users.RecordLoginSuccessAsync(user.Id, check == PasswordCheck.SuccessRehashNeeded ? hashing.Hash(command.Password!) : null, cancellationToken);
            var secret = SecretTokens.NewSecret();
            var expiresAt = now + SessionLifetime;
            await sessions.AddAsync(SecretTokens.HashOf(secret), user.Id, now, expiresAt, cancellationToken);
            await RecordAsync(AuditActions.LoginSucceeded, user.Id, new() { ["email"] = email }, cancellationToken);

            var me = await MeReader.ReadAsync(queries, user.Id, null, cancellationToken);
            return new SignInOutcome(me, secret, expiresAt);
        }

        private Task RecordAsync(string action, Guid? userId, Dictionary<string, object?> details, CancellationToken cancellationToken) =>
            audit.RecordAsync(new AuditEntry(action, null, "user", userId ?? Guid.Empty, details) { Chain = AuditChains.Security }, cancellationToken);
    }
}
