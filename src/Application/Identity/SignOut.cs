using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>Ends a portal session server-side: its cookie stops working at once, wherever it was copied to.</summary>
[Requires(Access.SignedIn)]
public sealed record SignOut(string? SessionSecret) : ICommand<Result<bool>>
{
    public sealed class Validator : AbstractValidator<SignOut>
    {
        public Validator() => RuleFor(x => x.SessionSecret).MaximumLength(100);
    }

    public sealed class Handler(ISessionRepository sessions, ICurrentUser currentUser, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<SignOut, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(SignOut command, CancellationToken cancellationToken)
        {
            if (command.SessionSecret is not { Length: > 0 } secret)
            {
                return false;
            }

            await sessions.RevokeAsync(SecretTokens.HashOf(secret), clock.GetUtcNow(), cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.LoggedOut, null, "user", currentUser.Caller.UserId ?? Guid.Empty,
                new Dictionary<string, object?>()) { Chain = AuditChains.Security }, cancellationToken);
            return true;
        }
    }
}
