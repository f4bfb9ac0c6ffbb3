using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// A signed-in user changes their own password, proving the current one. A wrong current password counts as a failed
/// sign-in (five in a row lock the account for 15 minutes, as on login), so a stolen session cannot be used to guess it.
/// On success every other portal session of the user ends at once; the session that made the change stays signed in.
/// API tokens are separate credentials: they stay valid unless <see cref="RevokeTokens"/> asks to revoke them all too.
/// </summary>
/// <param name="SessionSecret">The calling session's secret (from its cookie), kept open; null for a bearer token.</param>
[Requires(Access.SignedIn)]
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword, string? SessionSecret, bool RevokeTokens = false)
    : ICommand<Result<PasswordChangeOutcome>>
{
    public sealed class Validator : AbstractValidator<ChangePassword>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithErrorCode("auth.password_required").WithMessage("currentPassword is required.")
                .MaximumLength(Passwords.MaxLength).WithErrorCode("auth.password_too_long");
            RuleFor(x => x.NewPassword).NewPassword(_ => null, "newPassword"); // the email rule needs the account: the handler applies it
            RuleFor(x => x.NewPassword).NotEqual(x => x.CurrentPassword).When(x => x.NewPassword is not null)
                .WithErrorCode("user.password_unchanged").WithMessage("newPassword must differ from the current password.");
        }
    }

    public sealed class Handler(
        IUserRepository users, ISessionRepository sessions, IApiTokenRepository tokens, IPasswordHashing hashing, ICurrentUser currentUser,
        IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<ChangePassword, Result<PasswordChangeOutcome>>
    {
        public async ValueTask<Result<PasswordChangeOutcome>> Handle(ChangePassword command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var user = currentUser.Caller.UserId is { } userId ? await users.FindByIdAsync(userId, cancellationToken) : null;
            if (user is null)
            {
                return IdentityErrors.Unauthenticated; // the system caller (CLI) or a user deleted mid-request
            }

            var check = hashing.Verify(user.PasswordHash, command.CurrentPassword!);
            if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
            {
                await RecordAsync(AuditActions.PasswordChangeFailed, user.Id, new() { ["reason"] = "locked" }, cancellationToken);
                return PasswordChangeOutcome.Locked;
            }

            if (check == PasswordCheck.Failed)
            {
                var failures = user.FailedLogins + 1;
                var locks = failures >= SignIn.MaxFailedLogins;
                await users.RecordLoginFailureAsync(user.Id, locks ? 0 : failures, locks ? now + SignIn.LockoutDuration : null, cancellationToken);
                await RecordAsync(AuditActions.PasswordChangeFailed, user.Id, new() { ["reason"] = "wrong_password", ["failures"] = failures }, cancellationToken);
                if (locks)
                {
                    await RecordAsync(AuditActions.UserLockedOut, user.Id, new() { ["email"] = user.Email, ["until"] = now + SignIn.LockoutDuration }, cancellationToken);
                }

                return PasswordChangeOutcome.WrongCurrentPassword;
            }

            if (Passwords.Problem(command.NewPassword, user.Email, "newPassword") is { } problem)
            {
                return problem;
            }

            await users.ChangePasswordAsync(user.Id, hashing.Hash(command.NewPassword!), cancellationToken);
            var keep = command.SessionSecret is { Length: > 0 } secret ? SecretTokens.HashOf(secret) : null;
            var ended = await sessions.RevokeAllAsync(user.Id, keep, now, cancellationToken);
            var revoked = command.RevokeTokens ? await tokens.RevokeAllAsync(user.Id, now, cancellationToken) : 0;
            await RecordAsync(
                AuditActions.PasswordChanged, user.Id, new() { ["email"] = user.Email, ["sessionsEnded"] = ended, ["tokensRevoked"] = revoked }, cancellationToken);
            return PasswordChangeOutcome.Changed;
        }

        private Task RecordAsync(string action, Guid userId, Dictionary<string, object?> details, CancellationToken cancellationToken) =>
            audit.RecordAsync(new AuditEntry(action, null, "user", userId, details) { Chain = AuditChains.Security }, cancellationToken);
    }
}

/// <summary>
/// How a password change ended. A refusal is an outcome, not an error, so that its failure count and audit event commit
/// (an error result rolls the command's transaction back).
/// </summary>
public enum PasswordChangeOutcome
{
    Changed,
    WrongCurrentPassword,
    Locked,
}
