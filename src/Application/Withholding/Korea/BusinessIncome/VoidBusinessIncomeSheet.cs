using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Periods;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Periods;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>Approved to voided, with a reason; 409 <c>period.closed</c> when the pay date's month is closed.</summary>
[Requires(Access.PayrollManager)]
public sealed record VoidBusinessIncomeSheet(Guid CompanyId, Guid SheetId, string? Reason) : ICommand<Result<BusinessIncomeSheetDto>>, ICompanyScoped
{
    public const int MaxReasonLength = 500;

    public sealed class Validator : AbstractValidator<VoidBusinessIncomeSheet>
    {
        public Validator() =>
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= MaxReasonLength).WithErrorCode("business_income.void_reason_required")
                .WithMessage($"A reason of 1 to {MaxReasonLength} characters is required to void a sheet.")
                .Must(r => !UnsafeText.Contains(r, allowTab: true)).WithErrorCode("business_income.void_reason_invalid_characters")
                .WithMessage("reason " + UnsafeText.Message);
    }

    public sealed class Handler(BusinessIncomeCompanies companies, IPeriodClosings closings, IBusinessIncomeStore store, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<VoidBusinessIncomeSheet, Result<BusinessIncomeSheetDto>>
    {
        public async ValueTask<Result<BusinessIncomeSheetDto>> Handle(VoidBusinessIncomeSheet command, CancellationToken cancellationToken)
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

            var voided = sheet.Void(command.Reason!, clock.Now());
            if (!voided.IsSuccess)
            {
                return Result<BusinessIncomeSheetDto>.Failure(voided.Errors);
            }

            await store.UpdateSheetStatusAsync(sheet, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.BusinessIncomeSheetVoided, sheet.CompanyId, "business_income_sheet", sheet.Id,
                    new Dictionary<string, object?> { ["status"] = "voided", ["reason"] = sheet.VoidReason }),
                cancellationToken);
            return BusinessIncomeSheetDto.From(sheet, await store.PayeesAsync(sheet.CompanyId, [.. sheet.Lines.Select(l => l.PayeeId)], cancellationToken));
        }
    }
}
