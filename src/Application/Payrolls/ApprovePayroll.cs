using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
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

    public sealed class Handler(IPayrollRepository payrolls, PayrollCalculator calculator, IAuditTrail audit, TimeProvider clock) : ICommandHandler<ApprovePayroll, Result<PayrollDto>>
    {
        public async ValueTask<Result<PayrollDto>> Handle(ApprovePayroll command, CancellationToken cancellationToken)
        {
            var payroll = await payrolls.GetAsync(command.CompanyId, command.PayrollId, cancellationToken);
            if (payroll is null)
            {
                return PayrollErrors.NotFound;
            }

            if (payroll.Status != PayrollStatus.Draft)
            {
                return PayrollErrors.NotDraft;
            }

            var requests = payroll.Lines.Select(l => l.Korea is { } kr
                ? new PayrollLineRequest(
                    l.EmployeeId, null, PostTaxDeductions: l.Inputs.PostTaxDeductions.Cents, BasePay: kr.BasePay, TaxableAllowances: kr.TaxableAllowances,
                    Bonus: kr.Bonus, NonTaxable: new Withholding.Korea.KoreaNonTaxableDto(kr.NonTaxable.Meals, kr.NonTaxable.CarAllowance, kr.NonTaxable.Childcare))
                : new PayrollLineRequest(
                    l.EmployeeId, l.Inputs.GrossWages.Amount, l.Inputs.SupplementalWages.Amount,
                    new Withholding.WithholdingPreTaxDeductions(l.Inputs.Retirement.Amount, l.Inputs.Cafeteria.Amount, l.Inputs.Hsa.Amount),
                    l.Inputs.PostTaxDeductions.Amount)).ToArray();
            var recomputed = await calculator.ComputeAsync(
                payroll.CompanyId, payroll.Id, payroll.PeriodStart, payroll.PayDate, payroll.PayFrequency, requests, cancellationToken,
                PayrollCalculator.RegimeOf(payroll));
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
            return PayrollDto.From(payroll);
        }

        private static bool SameFigures(IReadOnlyList<PayrollLine> stored, IReadOnlyList<PayrollLine> fresh) =>
            stored.Count == fresh.Count && stored.Zip(fresh).All(pair =>
                pair.First.Withholdings == pair.Second.Withholdings && pair.First.TaxableWages == pair.Second.TaxableWages
                && pair.First.EmployerTaxes == pair.Second.EmployerTaxes && pair.First.Korea == pair.Second.Korea);
    }
}
