using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

/// <summary>
/// Closes a month of pay dates: from then on no payroll paid in it is posted, edited, approved or voided until it is
/// reopened. Refused while a draft is paid in the month (a payroll, or a module's own draft through <see cref="IPeriodDrafts"/>),
/// since a closed month holds only finished work.
/// </summary>
[Requires(Access.CompanyAdmin)]
public sealed record ClosePeriod(Guid CompanyId, string? Month) : ICommand<Result<PeriodDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ClosePeriod>
    {
        public Validator() => RuleFor(x => x.Month).ValidPayMonth("month");
    }

    public sealed class Handler(
        ICompanyQueries companies, IPeriodClosings closings, IEnumerable<IPeriodDrafts> otherDrafts, ICurrentUser currentUser, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<ClosePeriod, Result<PeriodDto>>
    {
        public async ValueTask<Result<PeriodDto>> Handle(ClosePeriod command, CancellationToken cancellationToken)
        {
            if (await companies.GetAsync(command.CompanyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            var month = PayMonth.Parse(command.Month);
            if (await closings.LockAsync(command.CompanyId, month, cancellationToken) is not null)
            {
                return PeriodErrors.AlreadyClosed(month);
            }

            var drafts = await closings.DraftsAsync(command.CompanyId, month, cancellationToken);
            var others = new List<string>();
            foreach (var source in otherDrafts)
            {
                others.AddRange(await source.DraftsAsync(command.CompanyId, month, cancellationToken));
            }

            if (drafts.Count > 0 || others.Count > 0)
            {
                return PeriodErrors.DraftsOpen(month, drafts, others);
            }

            var actor = currentUser.Caller.Actor;
            await closings.CloseAsync(command.CompanyId, month, clock.GetUtcNow(), actor, cancellationToken);
            var period = await closings.DescribeAsync(command.CompanyId, month, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.PeriodClosed, command.CompanyId, "period", command.CompanyId,
                    new Dictionary<string, object?> { ["month"] = period.Month, ["approvedPayrolls"] = period.Approved }),
                cancellationToken);
            return period;
        }
    }
}
