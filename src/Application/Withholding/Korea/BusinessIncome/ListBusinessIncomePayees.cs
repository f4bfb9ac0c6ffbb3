using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>The company's payees, by name (a company has tens of freelancers, not thousands: one page).</summary>
[Requires(Access.Viewer)]
public sealed record ListBusinessIncomePayees(Guid CompanyId) : IQuery<Result<IReadOnlyList<BusinessIncomePayeeDto>>>, ICompanyScoped
{
    public sealed class Handler(BusinessIncomeCompanies companies, IBusinessIncomeStore store)
        : IQueryHandler<ListBusinessIncomePayees, Result<IReadOnlyList<BusinessIncomePayeeDto>>>
    {
        public async ValueTask<Result<IReadOnlyList<BusinessIncomePayeeDto>>> Handle(ListBusinessIncomePayees query, CancellationToken cancellationToken)
        {
            if (await companies.RefusalAsync(query.CompanyId, cancellationToken) is { } refused)
            {
                return refused;
            }

            var payees = await store.PayeesAsync(query.CompanyId, null, cancellationToken);
            return Result<IReadOnlyList<BusinessIncomePayeeDto>>.Success([.. payees.Select(BusinessIncomePayeeDto.From)]);
        }
    }
}
