using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

[Requires(Access.Viewer)]
public sealed record GetBusinessIncomeSheet(Guid CompanyId, Guid SheetId) : IQuery<Result<BusinessIncomeSheetDto>>, ICompanyScoped
{
    public sealed class Handler(BusinessIncomeCompanies companies, IBusinessIncomeStore store) : IQueryHandler<GetBusinessIncomeSheet, Result<BusinessIncomeSheetDto>>
    {
        public async ValueTask<Result<BusinessIncomeSheetDto>> Handle(GetBusinessIncomeSheet query, CancellationToken cancellationToken)
        {
            if (await companies.RefusalAsync(query.CompanyId, cancellationToken) is { } refused)
            {
                return refused;
            }

            if (await store.GetSheetAsync(query.CompanyId, query.SheetId, cancellationToken) is not { } sheet)
            {
                return BusinessIncomeErrors.SheetNotFound;
            }

            return BusinessIncomeSheetDto.From(sheet, await store.PayeesAsync(sheet.CompanyId, [.. sheet.Lines.Select(l => l.PayeeId)], cancellationToken));
        }
    }
}
