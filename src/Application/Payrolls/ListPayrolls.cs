using PayrollPortal.Application.Regimes;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Payrolls;

[Requires(Access.Viewer)]
public sealed record ListPayrolls(Guid CompanyId, int? Year = null, int? Month = null, string? Status = null, int Limit = PageLimits.Default, string? Cursor = null)
    : IQuery<Result<Page<PayrollSummaryDto>>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ListPayrolls>
    {
        public Validator()
        {
            RuleFor(x => x.Year).InclusiveBetween(1900, 2200);
            RuleFor(x => x.Month).InclusiveBetween(1, 12);
            RuleFor(x => x.Month).Null().When(x => x.Year is null).WithMessage("month needs year.");
            RuleFor(x => x.Status).Must(s => s is null or "draft" or "approved" or "voided").WithMessage("status must be draft, approved or voided.");
            RuleFor(x => x.Limit).ValidPageLimit();
            RuleFor(x => x.Cursor).ValidCursor();
        }
    }

    public sealed class Handler(ICompanyQueries companies, IPayrollQueries payrolls, RegimeParts<IPayrollLines> regimes) : IQueryHandler<ListPayrolls, Result<Page<PayrollSummaryDto>>>
    {
        public async ValueTask<Result<Page<PayrollSummaryDto>>> Handle(ListPayrolls query, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(query.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            var after = KeysetCursor.DecodeOrNull(query.Cursor);
            var rows = await payrolls.ListAsync(query.CompanyId, company.Regime, query.Year, query.Month, query.Status, after, query.Limit + 1, cancellationToken);
            var currency = regimes.For(company.Regime).Currency;
            return Page<PayrollSummaryDto>.FromOverfetch([.. rows.Select(r => r.ToDto(currency))], query.Limit, row => new KeysetCursor(row.CreatedAt, row.Id));
        }
    }
}
