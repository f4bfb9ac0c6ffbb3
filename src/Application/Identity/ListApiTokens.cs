using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// The caller's own API tokens that still work, with when each was last used and where it was created, so a user can see
/// what holds access in their name and revoke what they do not recognise. A token may read the list; it shows no secret.
/// </summary>
[Requires(Access.SignedIn)]
public sealed record ListApiTokens(int Limit = PageLimits.Default, string? Cursor = null) : IQuery<Result<Page<ApiTokenDto>>>
{
    public sealed class Validator : AbstractValidator<ListApiTokens>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidPageLimit();
            RuleFor(x => x.Cursor).ValidCursor();
        }
    }

    public sealed class Handler(IApiTokenRepository tokens, ICurrentUser currentUser, TimeProvider clock)
        : IQueryHandler<ListApiTokens, Result<Page<ApiTokenDto>>>
    {
        public async ValueTask<Result<Page<ApiTokenDto>>> Handle(ListApiTokens query, CancellationToken cancellationToken)
        {
            if (currentUser.Caller.UserId is not { } userId)
            {
                return IdentityErrors.Unauthenticated;
            }

            var rows = await tokens.ListActiveAsync(userId, clock.GetUtcNow(), KeysetCursor.DecodeOrNull(query.Cursor), query.Limit + 1, cancellationToken);
            return Page<ApiTokenDto>.FromOverfetch([.. rows.Select(ApiTokenDto.From)], query.Limit, t => new KeysetCursor(t.CreatedAt, t.Id));
        }
    }
}
