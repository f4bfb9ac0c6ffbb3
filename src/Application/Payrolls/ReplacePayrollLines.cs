using PayrollPortal.Application.Regimes;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Payrolls;

/// <summary>Replaces a draft's lines and recomputes them (also the way to refresh a draft after year-to-date changed).</summary>
[Requires(Access.PayrollManager)]
public sealed record ReplacePayrollLines(Guid CompanyId, Guid PayrollId, IReadOnlyList<PayrollLineRequest>? Lines) : ICommand<Result<PayrollDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ReplacePayrollLines>
    {
        public Validator() => this.ValidLines(x => x.Lines);
    }

    public sealed class Handler(IPayrollRepository payrolls, IPeriodClosings closings, PayrollCalculator calculator, RegimeParts<IPayrollLines> regimes, IAuditTrail audit, TimeProvider clock) : ICommandHandler<ReplacePayrollLines, Result<PayrollDto>>
    {
        public async ValueTask<Result<PayrollDto>> Handle(ReplacePayrollLines command, CancellationToken cancellationToken)
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

            var lines = await calculator.ComputeAsync(
                payroll.Regime, payroll.CompanyId, payroll.Id, payroll.PeriodStart, payroll.PeriodEnd, payroll.PayDate, payroll.PayFrequency, command.Lines!,
                cancellationToken);
            if (!lines.IsSuccess)
            {
                return Result<PayrollDto>.Failure(lines.Errors);
            }

            payroll.ReplaceLines(KeepEarnings(payroll.Lines, lines.Value!), clock.GetUtcNow());
            await payrolls.ReplaceLinesAsync(payroll, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.PayrollLinesReplaced, payroll.CompanyId, "payroll", payroll.Id,
                    new Dictionary<string, object?> { ["lines"] = payroll.Lines.Count }),
                cancellationToken);
            return PayrollDto.From(payroll, regimes.For(payroll.Regime));
        }

        /// <summary>
        /// A run's line keeps how its pay was made (hours, proration) while its regular pay is what the run computed; a line
        /// whose gross wages were edited by hand no longer has that explanation.
        /// </summary>
        private static IEnumerable<PayrollLine> KeepEarnings(IReadOnlyList<PayrollLine> before, IReadOnlyList<PayrollLine> after)
        {
            var previous = before.Where(l => l.Earnings is not null).ToDictionary(l => l.EmployeeId);
            return after.Select(line => previous.TryGetValue(line.EmployeeId, out var old) && old.GrossWages == line.GrossWages
                ? line with { Earnings = old.Earnings }
                : line);
        }
    }
}
