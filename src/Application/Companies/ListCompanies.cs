using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Companies;

[Requires(Access.SignedIn)]
public sealed record ListCompanies(int Limit = PageLimits.Default, string? Cursor = null) : IQuery<Result<Page<CompanyDto>>>
{
    public sealed class Validator : AbstractValidator<ListCompanies>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidPageLimit();
            RuleFor(x => x.Cursor).ValidCursor();
        }
    }

    /// <summary>The global administrator sees every company; anyone else only the companies they are a member of.</summary>
    public sealed class Handler(ICompanyQueries queries, ICurrentUser currentUser) : IQueryHandler<ListCompanies, Result<Page<CompanyDto>>>
    {
        public async ValueTask<Result<Page<CompanyDto>>> Handle(ListCompanies query, CancellationToken cancellationToken)
        {
            var after = KeysetCursor.DecodeOrNull(query.Cursor);
            var caller = currentUser.Caller;
            IReadOnlyCollection<Guid>? only = caller.IsAdmin ? null : [.. caller.Memberships.Keys];
            var rows = await queries.ListAsync(after, query.Limit + 1, only, cancellationToken);
            return Page<CompanyDto>.FromOverfetch(rows, query.Limit, row => new KeysetCursor(row.CreatedAt, row.Id));
        }
    }
}
