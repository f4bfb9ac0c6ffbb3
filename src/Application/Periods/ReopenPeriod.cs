using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

/// <summary>Reopens a closed month, with a reason the audit trail keeps (a company admin or the global administrator).</summary>
[Requires(Access.CompanyAdmin)]
public sealed record ReopenPeriod(Guid CompanyId, string? Month, string? Reason) : ICommand<Result<PeriodDto>>, ICompanyScoped
{
    public const int MinimumReasonLength = 10;

    public sealed class Validator : AbstractValidator<ReopenPeriod>
    {
        public Validator()
        {
            RuleFor(x => x.Month).ValidPayMonth("month");
            RuleFor(x => x.Reason).Must(r => r is not null && r.Trim().Length is >= MinimumReasonLength and <= 500)
                .WithErrorCode("period.reopen_reason_required")
                .WithMessage($"A reason of {MinimumReasonLength} to 500 characters is required to reopen a month.");
        }
    }

    public sealed class Handler(ICompanyQueries companies, IPeriodClosings closings, IAuditTrail audit)
        : ICommandHandler<ReopenPeriod, Result<PeriodDto>>
    {
        public async ValueTask<Result<PeriodDto>> Handle(ReopenPeriod command, CancellationToken cancellationToken)
        {
            if (await companies.GetAsync(command.CompanyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            var month = PayMonth.Parse(command.Month);
            var closing = await closings.LockAsync(command.CompanyId, month, cancellationToken);
            if (closing is null)
            {
                return PeriodErrors.NotClosed(month);
            }

            await closings.ReopenAsync(command.CompanyId, month, cancellationToken);
            var reason = command.Reason!.Trim();
            await audit.RecordAsync(
                new AuditEntry(AuditActions.PeriodReopened, command.CompanyId, "period", command.CompanyId, new Dictionary<string, object?>
                {
                    ["month"] = month.ToString(),
                    ["reason"] = reason,
                    ["closedAt"] = closing.ClosedAt,
                    ["closedBy"] = closing.ClosedBy,
                }),
                cancellationToken);
            return await closings.DescribeAsync(command.CompanyId, month, cancellationToken);
        }
    }
}
