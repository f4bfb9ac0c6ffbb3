using System.Globalization;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Periods;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Periods;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>
/// Posts a month's business-income payments as a draft sheet, each line's income tax and local income tax computed for its payee
/// as the law stands on the pay date. Refused with 409 <c>period.closed</c> when the pay date's month is closed.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record CreateBusinessIncomeSheet(Guid CompanyId, DateOnly? PayDate, IReadOnlyList<BusinessIncomeLineRequest>? Lines)
    : ICommand<Result<BusinessIncomeSheetDto>>, ICompanyScoped
{
    public const int MaxLines = 1_000;

    public sealed class Validator : AbstractValidator<CreateBusinessIncomeSheet>
    {
        public Validator()
        {
            RuleFor(x => x.PayDate).NotNull().WithErrorCode("business_income.pay_date_required").WithMessage("payDate is required.");
            RuleFor(x => x.PayDate).Must(d => d!.Value.Year is >= 2000 and <= 2999).When(x => x.PayDate is not null)
                .WithErrorCode("business_income.pay_date_invalid").WithMessage("payDate must be in the years 2000 to 2999.");
            RuleFor(x => x.Lines).Cascade(CascadeMode.Stop)
                .NotNull().WithErrorCode("business_income.no_lines").WithMessage("A sheet needs at least one line.")
                .Must(l => l!.Count is > 0 and <= MaxLines).WithErrorCode("business_income.no_lines")
                .WithMessage($"A sheet needs 1 to {MaxLines} lines.");
            RuleForEach(x => x.Lines).ChildRules(line =>
            {
                line.RuleFor(l => l.PayeeId).Must(id => id is not null && id != Guid.Empty).WithErrorCode("business_income.payee_required")
                    .WithMessage("payeeId is required.");
                line.RuleFor(l => l.Amount).Must(a => a is { } v && decimal.Truncate(v) == v && v is >= 1 and <= BusinessIncomeWithholding.MaxAmount)
                    .WithErrorCode("business_income.amount_invalid")
                    .WithMessage($"amount must be a whole number of KRW from 1 to {BusinessIncomeWithholding.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}.");
            }).When(x => x.Lines is not null);
            RuleFor(x => x.Lines).Custom((lines, context) =>
            {
                var seen = new HashSet<Guid>();
                for (var i = 0; lines is not null && i < lines.Count; i++)
                {
                    if (lines[i]?.PayeeId is { } id && id != Guid.Empty && !seen.Add(id))
                    {
                        var error = BusinessIncomeErrors.DuplicatePayee(i);
                        context.AddFailure(new FluentValidation.Results.ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
                    }
                }
            });
        }
    }

    public sealed class Handler(BusinessIncomeCompanies companies, IPeriodClosings closings, IBusinessIncomeStore store, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<CreateBusinessIncomeSheet, Result<BusinessIncomeSheetDto>>
    {
        public async ValueTask<Result<BusinessIncomeSheetDto>> Handle(CreateBusinessIncomeSheet command, CancellationToken cancellationToken)
        {
            if (await companies.RefusalAsync(command.CompanyId, cancellationToken) is { } refused)
            {
                return refused;
            }

            var payDate = command.PayDate!.Value;
            if (await closings.IsClosedAsync(command.CompanyId, PayMonth.Of(payDate), cancellationToken))
            {
                return BusinessIncomeErrors.Closed(PayMonth.Of(payDate));
            }

            var requests = command.Lines!;
            var payees = (await store.PayeesAsync(command.CompanyId, [.. requests.Select(l => l.PayeeId!.Value)], cancellationToken)).ToDictionary(p => p.Id);
            var unknown = requests.Select((l, i) => (l, i)).Where(x => !payees.ContainsKey(x.l.PayeeId!.Value)).Select(x => BusinessIncomeErrors.UnknownPayee(x.i)).ToList();
            if (unknown.Count > 0)
            {
                return Result<BusinessIncomeSheetDto>.Failure(unknown);
            }

            var lines = requests.Select((l, i) =>
            {
                var payee = payees[l.PayeeId!.Value];
                return new BusinessIncomeLine(
                    i + 1, payee.Id, BusinessIncomeWithholding.Compute((long)l.Amount!.Value, payee.ResidentType, payee.TreatyRateBasisPoints, payDate));
            }).ToList();
            var sheet = BusinessIncomeSheet.Draft(command.CompanyId, payDate, lines, clock.Now());
            await store.AddSheetAsync(sheet, cancellationToken);
            var dto = BusinessIncomeSheetDto.From(sheet, [.. payees.Values]);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.BusinessIncomeSheetCreated, sheet.CompanyId, "business_income_sheet", sheet.Id, new Dictionary<string, object?>
                {
                    ["payDate"] = sheet.PayDate,
                    ["lines"] = sheet.Lines.Count,
                    ["amount"] = dto.Totals.Amount,
                    ["incomeTax"] = dto.Totals.IncomeTax,
                    ["localIncomeTax"] = dto.Totals.LocalIncomeTax,
                }),
                cancellationToken);
            return dto;
        }
    }
}
