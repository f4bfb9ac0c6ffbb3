using FluentValidation;
using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Schedules;

/// <summary>
/// A schedule's periods with their pay dates and status: from the period containing <c>from</c>, or without it from the
/// first period that has no draft or approved payroll (the next one to run).
/// </summary>
[Requires(Access.Viewer)]
public sealed record ListSchedulePeriods(Guid CompanyId, Guid ScheduleId, DateOnly? From, int Count = ListSchedulePeriods.DefaultCount)
    : IQuery<Result<SchedulePeriodsDto>>, ICompanyScoped
{
    public const int DefaultCount = 12;
    public const int MaxCount = 120;

    public sealed class Validator : AbstractValidator<ListSchedulePeriods>
    {
        public Validator() => RuleFor(x => x.Count).InclusiveBetween(1, MaxCount).WithErrorCode("schedule.count_invalid")
            .WithMessage($"count must be from 1 to {MaxCount}.");
    }

    public sealed class Handler(ICompanyQueries companies, IPaySchedules schedules, ScheduleCalendar calendar)
        : IQueryHandler<ListSchedulePeriods, Result<SchedulePeriodsDto>>
    {
        public async ValueTask<Result<SchedulePeriodsDto>> Handle(ListSchedulePeriods query, CancellationToken cancellationToken)
        {
            if (await companies.GetAsync(query.CompanyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            if (await schedules.GetAsync(query.CompanyId, query.ScheduleId, cancellationToken) is not { } schedule)
            {
                return ScheduleErrors.NotFound;
            }

            var first = query.From is { } from ? schedule.IndexContaining(from) : await calendar.FirstOpenIndexAsync(schedule, cancellationToken) ?? 0;
            var days = await calendar.BusinessDaysAsync(query.CompanyId, cancellationToken);
            var periods = await calendar.PeriodsAsync(schedule, days, first, query.Count, cancellationToken);
            return new SchedulePeriodsDto(schedule.Id, schedule.Name, Common.EnumText.ToText(schedule.Frequency), periods);
        }
    }
}
