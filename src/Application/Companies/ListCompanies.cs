using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Companies;

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

    public sealed class Handler(ICompanyQueries queries) : IQueryHandler<ListCompanies, Result<Page<CompanyDto>>>
    {
        public async ValueTask<Result<Page<CompanyDto>>> Handle(ListCompanies query, CancellationToken cancellationToken)
        {
            KeysetCursor? after = KeysetCursor.TryDecode(query.Cursor, out var cursor) ? cursor : null;
            var rows = await queries.ListAsync(after, query.Limit + 1, cancellationToken);
            if (rows.Count <= query.Limit)
            {
                return new Page<CompanyDto>(rows, null);
            }

            var items = rows.Take(query.Limit).ToArray();
            var last = items[^1];
            return new Page<CompanyDto>(items, new KeysetCursor(last.CreatedAt, last.Id).Encode());
        }
    }
}
