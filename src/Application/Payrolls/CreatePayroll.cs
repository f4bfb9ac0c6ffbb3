using PayrollPortal.Application.Common;
using PayrollPortal.Application.Regimes;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Posts a payroll as a draft, with every line's withholding computed from the W-4 in effect and year-to-date wages. An
/// off-cycle payroll (a bonus or correction run, <c>POST .../payrolls/off-cycle</c>) is the same with a reason; it never
/// stands for a schedule's period, so it does not advance any schedule.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record CreatePayroll(
    Guid CompanyId,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateOnly? PayDate,
    string? PayFrequency,
    IReadOnlyList<PayrollLineRequest>? Lines) : ICommand<Result<PayrollDto>>, ICompanyScoped
{
    public const int MaxReasonLength = 500;

    /// <summary>True for an off-cycle payroll, which needs a <see cref="Reason"/>.</summary>
    public bool OffCycle { get; init; }

    public string? Reason { get; init; }

    public sealed class Validator : AbstractValidator<CreatePayroll>
    {
        public Validator()
        {
            RuleFor(x => x.PeriodStart).NotNull().WithErrorCode("payroll.period_start_required").WithMessage("periodStart is required.");
            RuleFor(x => x.PeriodEnd).NotNull().WithErrorCode("payroll.period_end_required").WithMessage("periodEnd is required.");
            RuleFor(x => x.PayDate).NotNull().WithErrorCode("payroll.pay_date_required").WithMessage("payDate is required.");
            RuleFor(x => x.PeriodStart).LessThanOrEqualTo(x => x.PeriodEnd).When(x => x.PeriodStart is not null && x.PeriodEnd is not null)
                .WithErrorCode(PayrollErrors.PeriodReversed.Code).WithMessage(PayrollErrors.PeriodReversed.Message);
            RuleFor(x => x.PayFrequency).KnownPayFrequency();
            this.ValidLines(x => x.Lines);
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length >= 3).WithErrorCode("payroll.off_cycle_reason_required")
                .WithMessage("An off-cycle payroll needs a reason of at least 3 characters (a bonus, a correction).")
                .Must(r => r!.Length <= MaxReasonLength).WithErrorCode("payroll.off_cycle_reason_too_long")
                .WithMessage($"reason must be at most {MaxReasonLength} characters.")
                .Must(r => !UnsafeText.Contains(r, allowTab: true)).WithErrorCode("payroll.off_cycle_reason_invalid_characters")
                .WithMessage("reason " + UnsafeText.Message)
                .When(x => x.OffCycle);
            RuleFor(x => x.Reason).Null().When(x => !x.OffCycle).WithErrorCode("payroll.reason_off_cycle_only")
                .WithMessage("reason is for off-cycle payrolls (POST .../payrolls/off-cycle).");
        }
    }

    public sealed class Handler(ICompanyQueries companies, IPeriodClosings closings, IPayrollRepository payrolls, PayrollCalculator calculator, RegimeParts<IPayrollLines> regimes, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<CreatePayroll, Result<PayrollDto>>
    {
        public async ValueTask<Result<PayrollDto>> Handle(CreatePayroll command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (await closings.RefusalForAsync(command.CompanyId, command.PayDate!.Value, cancellationToken) is { } closed)
            {
                return closed;
            }

            var frequency = EnumText.ParsePayFrequency(command.PayFrequency);
            var lines = await calculator.ComputeAsync(
                company.Regime, command.CompanyId, Guid.Empty, command.PeriodStart!.Value, command.PeriodEnd, command.PayDate!.Value, frequency, command.Lines!, cancellationToken);
            if (!lines.IsSuccess)
            {
                return Result<PayrollDto>.Failure(lines.Errors);
            }

            var payroll = Payroll.Draft(
                command.CompanyId, company.Regime, command.PeriodStart.Value, command.PeriodEnd!.Value, command.PayDate.Value, frequency, lines.Value!, clock.GetUtcNow())
                .AsOffCycle(command.OffCycle, command.Reason);
            await payrolls.AddAsync(payroll, cancellationToken);
            var dto = PayrollDto.From(payroll, regimes.For(company.Regime));
            await audit.RecordAsync(
                new AuditEntry(AuditActions.PayrollCreated, payroll.CompanyId, "payroll", payroll.Id, new Dictionary<string, object?>
                {
                    ["periodStart"] = payroll.PeriodStart,
                    ["periodEnd"] = payroll.PeriodEnd,
                    ["payDate"] = payroll.PayDate,
                    ["payFrequency"] = dto.PayFrequency,
                    ["lines"] = payroll.Lines.Count,
                    ["offCycle"] = payroll.OffCycle,
                    ["reason"] = payroll.OffCycleReason,
                }),
                cancellationToken);
            return dto;
        }
    }
}
