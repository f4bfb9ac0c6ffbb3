using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Copies the one-off amounts (us-federal supplemental pay, a kr bonus) of each employee's line in an earlier payroll onto
/// the same employee's line of a draft, as the origin's previous-month copy does; the draft is recomputed. Employees not in
/// the earlier payroll keep their lines as they are.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record CopyOneOffs(Guid CompanyId, Guid PayrollId, Guid PreviousPayrollId) : ICommand<Result<PayrollDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<CopyOneOffs>
    {
        public Validator() => RuleFor(x => x.PreviousPayrollId).NotEqual(x => x.PayrollId).WithErrorCode("payroll.copy_from_itself")
            .WithMessage("Copy one-offs from another payroll than the draft itself.");
    }

    public sealed class Handler(
        IPayrollRepository payrolls, IPeriodClosings closings, PayrollCalculator calculator, RegimeParts<IPayrollLines> lineParts,
        RegimeParts<IPayRuns> runParts, IAuditTrail audit, TimeProvider clock) : ICommandHandler<CopyOneOffs, Result<PayrollDto>>
    {
        public async ValueTask<Result<PayrollDto>> Handle(CopyOneOffs command, CancellationToken cancellationToken)
        {
            if (await payrolls.GetAsync(command.CompanyId, command.PayrollId, cancellationToken) is not { } draft)
            {
                return PayrollErrors.NotFound;
            }

            if (await payrolls.GetAsync(command.CompanyId, command.PreviousPayrollId, cancellationToken) is not { } previous)
            {
                return PayrollErrors.NotFound with { Field = "previousPayrollId" };
            }

            if (await closings.RefusalForAsync(draft.CompanyId, draft.PayDate, cancellationToken) is { } closed)
            {
                return closed;
            }

            if (draft.Status != PayrollStatus.Draft)
            {
                return PayrollErrors.NotDraft;
            }

            if (runParts.Find(draft.Regime) is not { } runs)
            {
                return ScheduleErrors.RegimeWithoutRuns(draft.Regime);
            }

            var lines = lineParts.For(draft.Regime);
            var earlier = previous.Lines.ToDictionary(l => l.EmployeeId);
            var copied = 0;
            var inputs = draft.Lines.Select(line =>
            {
                var input = lines.InputOf(line);
                if (earlier.TryGetValue(line.EmployeeId, out var before))
                {
                    copied++;
                    input = runs.WithOneOffs(input, before, lines);
                }

                return (line.EmployeeId, Result<ILineInput>.Success(input));
            }).ToList();
            var computed = await calculator.ComputeAsync(
                lines, draft.CompanyId, draft.Id, draft.PeriodStart, draft.PeriodEnd, draft.PayDate, draft.PayFrequency, inputs, cancellationToken);
            if (!computed.IsSuccess)
            {
                return Result<PayrollDto>.Failure(computed.Errors);
            }

            var earnings = draft.Lines.ToDictionary(l => l.EmployeeId, l => l.Earnings);
            draft.ReplaceLines(computed.Value!.Select(l => l with { Earnings = earnings[l.EmployeeId] }), clock.GetUtcNow());
            await payrolls.ReplaceLinesAsync(draft, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.OneOffsCopied, draft.CompanyId, "payroll", draft.Id, new Dictionary<string, object?>
                {
                    ["from"] = previous.Id,
                    ["lines"] = copied,
                }),
                cancellationToken);
            return PayrollDto.From(draft, lines);
        }
    }
}
