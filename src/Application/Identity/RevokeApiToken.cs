using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Revokes an API token at once. Its owner, an admin of its company or the global administrator may; to anyone else the
/// token does not exist. An API token may revoke itself, but revoking any other token needs a portal session, so a leaked
/// token cannot lock its owner out of their other integrations.
/// </summary>
[Requires(Access.SignedIn)]
public sealed record RevokeApiToken(Guid Id) : ICommand<Result<bool>>
{
    public sealed class Validator : AbstractValidator<RevokeApiToken>
    {
        public Validator() => RuleFor(x => x.Id).NotEmpty();
    }

    public sealed class Handler(IApiTokenRepository tokens, ICurrentUser currentUser, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<RevokeApiToken, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(RevokeApiToken command, CancellationToken cancellationToken)
        {
            var caller = currentUser.Caller;
            var token = await tokens.GetAsync(command.Id, cancellationToken);
            var allowed = token is not null && (caller.IsAdmin || token.UserId == caller.UserId
                || (token.CompanyId is { } company && caller.RoleIn(company) == CompanyRole.CompanyAdmin));
            if (!allowed)
            {
                return IdentityErrors.TokenNotFound;
            }

            if (caller.TokenId is { } callingToken && callingToken != token!.Id)
            {
                return IdentityErrors.SessionRequired;
            }

            if (token!.RevokedAt is not null)
            {
                return true;
            }

            await tokens.RevokeAsync(token.Id, clock.GetUtcNow(), cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.TokenRevoked, token.CompanyId, "api_token", token.Id, new Dictionary<string, object?>
            {
                ["name"] = token.Name,
            }), cancellationToken);
            return true;
        }
    }
}
