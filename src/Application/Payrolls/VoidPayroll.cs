using PayrollPortal.Application.Regimes;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Payrolls;

/// <summary>Approved to voided, with a reason. Later payrolls that share an employee are flagged for review, never changed.</summary>
[Requires(Access.PayrollManager)]
public sealed record VoidPayroll(Guid CompanyId, Guid PayrollId, string? Reason) : ICommand<Result<PayrollDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<VoidPayroll>
    {
        public Validator() =>
            RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= 500)
                .WithErrorCode("payroll.void_reason_required").WithMessage("A reason of 1 to 500 characters is required to void a payroll.");
    }

    public sealed class Handler(IPayrollRepository payrolls, IPeriodClosings closings, RegimeParts<IPayrollLines> regimes, IAuditTrail audit, TimeProvider clock) : ICommandHandler<VoidPayroll, Result<PayrollDto>>
    {
        public async ValueTask<Result<PayrollDto>> Handle(VoidPayroll command, CancellationToken cancellationToken)
        {
            var payroll = await payrolls.GetAsync(command.CompanyId, command.PayrollId, cancellationToken);
            if (payroll is null)
            {
                return PayrollErrors.NotFound;
            }

            if (await closings.RefusalForAsync(payroll.CompanyId, payroll.PayDate, cancellationToken) is { } closed)
            {
                return closed;
            }

            var voided = payroll.Void(command.Reason!, clock.GetUtcNow());
            if (!voided.IsSuccess)
            {
                return Result<PayrollDto>.Failure(voided.Errors);
            }

            await payrolls.UpdateStatusAsync(payroll, cancellationToken);
            await payrolls.FlagForReviewAsync(payroll, $"Payroll {payroll.Id} paid {payroll.PayDate:yyyy-MM-dd} was voided; its wages no longer count toward year-to-date.", cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.PayrollVoided, payroll.CompanyId, "payroll", payroll.Id,
                    new Dictionary<string, object?> { ["status"] = "voided", ["reason"] = payroll.VoidReason }),
                cancellationToken);
            return PayrollDto.From(payroll, regimes.For(payroll.Regime));
        }
    }
}
