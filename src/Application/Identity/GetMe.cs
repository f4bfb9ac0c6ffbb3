using Mediator;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>The caller's user and the companies they may act in (for a token: its one company).</summary>
[Requires(Access.SignedIn)]
public sealed record GetMe : IQuery<Result<MeDto>>
{
    public sealed class Handler(ICurrentUser currentUser, IIdentityQueries queries) : IQueryHandler<GetMe, Result<MeDto>>
    {
        public async ValueTask<Result<MeDto>> Handle(GetMe query, CancellationToken cancellationToken)
        {
            var caller = currentUser.Caller;
            if (caller.UserId is not { } userId)
            {
                return IdentityErrors.Unauthenticated;
            }

            return await MeReader.ReadAsync(queries, userId, caller, cancellationToken) is { } me ? me : IdentityErrors.Unauthenticated;
        }
    }
}
