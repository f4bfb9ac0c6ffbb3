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
            var after = KeysetCursor.DecodeOrNull(query.Cursor);
            var rows = await queries.ListAsync(after, query.Limit + 1, cancellationToken);
            return Page<CompanyDto>.FromOverfetch(rows, query.Limit, row => new KeysetCursor(row.CreatedAt, row.Id));
        }
    }
}
