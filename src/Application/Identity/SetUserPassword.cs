using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// The operator's recovery for a forgotten password or a locked-out administrator (<c>payroll users set-password</c>):
/// sets a new password (generated and returned once when none is given), clears the failure count and the lock, ends
/// every portal session of the user and, by default, revokes their API tokens: whoever forgot or lost a password may have
/// lost the tokens with it. Not exposed over HTTP: it needs no proof of the old password, so
/// only whoever runs the server's CLI may do it.
/// </summary>
[Requires(Access.Admin)]
public sealed record SetUserPassword(string? Email, string? Password, bool RevokeTokens = true) : ICommand<Result<SetPasswordOutcome>>
{
    public sealed class Validator : AbstractValidator<SetUserPassword>
    {
        public Validator()
        {
            RuleFor(x => x.Email).Must(Emails.LooksValid).WithErrorCode("user.email_invalid").WithMessage("email must be an email address.");
            RuleFor(x => x.Password).NewPassword(x => x.Email, "password").When(x => x.Password is not null);
        }
    }

    public sealed class Handler(
        IUserRepository users, ISessionRepository sessions, IApiTokenRepository tokens, IPasswordHashing hashing, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<SetUserPassword, Result<SetPasswordOutcome>>
    {
        public async ValueTask<Result<SetPasswordOutcome>> Handle(SetUserPassword command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(Emails.Normalize(command.Email!), cancellationToken);
            if (user is null)
            {
                return IdentityErrors.UserNotFound;
            }

            var generated = command.Password is null ? SecretTokens.NewPassword() : null;
            await users.ChangePasswordAsync(user.Id, hashing.Hash(command.Password ?? generated!), cancellationToken);
            var ended = await sessions.RevokeAllAsync(user.Id, null, clock.GetUtcNow(), cancellationToken);
            var revoked = command.RevokeTokens ? await tokens.RevokeAllAsync(user.Id, clock.GetUtcNow(), cancellationToken) : 0;
            await audit.RecordAsync(new AuditEntry(AuditActions.PasswordSet, null, "user", user.Id, new Dictionary<string, object?>
            {
                ["email"] = user.Email,
                ["sessionsEnded"] = ended,
                ["tokensRevoked"] = revoked,
            }) { Chain = AuditChains.Security }, cancellationToken);
            return new SetPasswordOutcome(user.Id, user.Email, ended, revoked, generated);
        }
    }
}

/// <param name="GeneratedPassword">Only when the operator gave none; shown once.</param>
public sealed record SetPasswordOutcome(Guid UserId, string Email, int SessionsEnded, int TokensRevoked, string? GeneratedPassword);
