using Mediator;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>The members of a company, by email. Only its company admins (and the global administrator) see them.</summary>
[Requires(Access.CompanyAdmin)]
public sealed record ListCompanyMembers(Guid CompanyId) : IQuery<Result<IReadOnlyList<CompanyMemberDto>>>, ICompanyScoped
{
    public sealed class Handler(IIdentityQueries queries) : IQueryHandler<ListCompanyMembers, Result<IReadOnlyList<CompanyMemberDto>>>
    {
        public async ValueTask<Result<IReadOnlyList<CompanyMemberDto>>> Handle(ListCompanyMembers query, CancellationToken cancellationToken) =>
            Result<IReadOnlyList<CompanyMemberDto>>.Success(await queries.MembersAsync(query.CompanyId, cancellationToken));
    }
}
