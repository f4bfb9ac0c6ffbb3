using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Periods;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Periods;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>Draft to approved; 409 <c>period.closed</c> when the pay date's month is closed.</summary>
[Requires(Access.PayrollManager)]
public sealed record ApproveBusinessIncomeSheet(Guid CompanyId, Guid SheetId) : ICommand<Result<BusinessIncomeSheetDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ApproveBusinessIncomeSheet>
    {
        public Validator() => RuleFor(x => x.SheetId).NotEqual(Guid.Empty);
    }

    public sealed class Handler(BusinessIncomeCompanies companies, IPeriodClosings closings, IBusinessIncomeStore store, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<ApproveBusinessIncomeSheet, Result<BusinessIncomeSheetDto>>
    {
        public async ValueTask<Result<BusinessIncomeSheetDto>> Handle(ApproveBusinessIncomeSheet command, CancellationToken cancellationToken)
        {
            if (await companies.RefusalAsync(command.CompanyId, cancellationToken) is { } refused)
            {
                return refused;
            }

            if (await store.GetSheetAsync(command.CompanyId, command.SheetId, cancellationToken) is not { } sheet)
            {
                return BusinessIncomeErrors.SheetNotFound;
            }

            if (await closings.IsClosedAsync(sheet.CompanyId, PayMonth.Of(sheet.PayDate), cancellationToken))
            {
                return BusinessIncomeErrors.Closed(PayMonth.Of(sheet.PayDate));
            }

            var approved = sheet.Approve(clock.Now());
            if (!approved.IsSuccess)
            {
                return Result<BusinessIncomeSheetDto>.Failure(approved.Errors);
            }

            await store.UpdateSheetStatusAsync(sheet, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.BusinessIncomeSheetApproved, sheet.CompanyId, "business_income_sheet", sheet.Id,
                    new Dictionary<string, object?> { ["status"] = "approved", ["approvedAt"] = sheet.ApprovedAt }),
                cancellationToken);
            return BusinessIncomeSheetDto.From(sheet, await store.PayeesAsync(sheet.CompanyId, [.. sheet.Lines.Select(l => l.PayeeId)], cancellationToken));
        }
    }
}
