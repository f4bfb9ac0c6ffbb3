using FluentValidation;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>The company's sheets paid in a year, or in one of its months, newest first.</summary>
[Requires(Access.Viewer)]
public sealed record ListBusinessIncomeSheets(Guid CompanyId, int? Year, int? Month) : IQuery<Result<IReadOnlyList<BusinessIncomeSheetSummaryDto>>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ListBusinessIncomeSheets>
    {
        public Validator()
        {
            RuleFor(x => x.Year).NotNull().InclusiveBetween(2000, 2999).WithErrorCode("business_income.year_invalid").WithMessage("year must be 2000 to 2999.");
            RuleFor(x => x.Month).InclusiveBetween(1, 12).WithErrorCode("business_income.month_invalid").WithMessage("month must be 1 to 12.");
        }
    }

    public sealed class Handler(BusinessIncomeCompanies companies, IBusinessIncomeStore store)
        : IQueryHandler<ListBusinessIncomeSheets, Result<IReadOnlyList<BusinessIncomeSheetSummaryDto>>>
    {
        public async ValueTask<Result<IReadOnlyList<BusinessIncomeSheetSummaryDto>>> Handle(ListBusinessIncomeSheets query, CancellationToken cancellationToken)
        {
            if (await companies.RefusalAsync(query.CompanyId, cancellationToken) is { } refused)
            {
                return refused;
            }

            return Result<IReadOnlyList<BusinessIncomeSheetSummaryDto>>.Success(
                await store.ListSheetsAsync(query.CompanyId, query.Year!.Value, query.Month, cancellationToken));
        }
    }
}
