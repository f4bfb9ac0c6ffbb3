using PayrollPortal.Application.Regimes;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Draft to approved. The lines are recomputed first: if year-to-date wages moved since the draft was computed, the figures a
/// reviewer saw are no longer right, so approval is refused (409) rather than approving numbers nobody reviewed.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record ApprovePayroll(Guid CompanyId, Guid PayrollId) : ICommand<Result<PayrollDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ApprovePayroll>
    {
        public Validator() => RuleFor(x => x.PayrollId).NotEqual(Guid.Empty);
    }

    public sealed class Handler(IPayrollRepository payrolls, IPeriodClosings closings, PayrollCalculator calculator, RegimeParts<IPayrollLines> regimes, IAuditTrail audit, TimeProvider clock) : ICommandHandler<ApprovePayroll, Result<PayrollDto>>
    {
        public async ValueTask<Result<PayrollDto>> Handle(ApprovePayroll command, CancellationToken cancellationToken)
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

            if (payroll.Status != PayrollStatus.Draft)
            {
                return PayrollErrors.NotDraft;
            }

            var recomputed = await calculator.RecomputeAsync(payroll, cancellationToken);
            if (!recomputed.IsSuccess || !SameFigures(payroll.Lines, recomputed.Value!))
            {
                return PayrollErrors.Stale;
            }

            payroll.Approve(clock.GetUtcNow());
            await payrolls.UpdateStatusAsync(payroll, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.PayrollApproved, payroll.CompanyId, "payroll", payroll.Id,
                    new Dictionary<string, object?> { ["status"] = "approved", ["approvedAt"] = payroll.ApprovedAt }),
                cancellationToken);
            return PayrollDto.From(payroll, regimes.For(payroll.Regime));
        }

        private static bool SameFigures(IReadOnlyList<PayrollLine> stored, IReadOnlyList<PayrollLine> fresh) =>
            stored.Count == fresh.Count && stored.Zip(fresh).All(pair => pair.First.SameFigures(pair.Second));
    }
}
