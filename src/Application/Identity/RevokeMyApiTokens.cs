using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Revokes every API token of the caller at once, for "I think a token leaked". Needs a portal session: a leaked token
/// must not be able to cut its owner's integrations off.
/// </summary>
[Requires(Access.SignedIn)]
public sealed record RevokeMyApiTokens : ICommand<Result<int>>
{
    public sealed class Validator : AbstractValidator<RevokeMyApiTokens>
    {
    }

    public sealed class Handler(IApiTokenRepository tokens, ICurrentUser currentUser, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<RevokeMyApiTokens, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(RevokeMyApiTokens command, CancellationToken cancellationToken)
        {
            var caller = currentUser.Caller;
            if (caller.UserId is not { } userId)
            {
                return IdentityErrors.Unauthenticated;
            }

            if (caller.TokenId is not null)
            {
                return IdentityErrors.SessionRequired;
            }

            var revoked = await tokens.RevokeAllAsync(userId, clock.GetUtcNow(), cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.TokensRevokedAll, null, "user", userId, new Dictionary<string, object?>
            {
                ["revoked"] = revoked,
            }), cancellationToken);
            return revoked;
        }
    }
}
