using PayrollPortal.Application.Calendars;
using PayrollPortal.Domain.Calendars;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Schedules;

/// <summary>A schedule's periods with their pay dates on the company's business days, and their payrolls' status.</summary>
public sealed class ScheduleCalendar(ICompanyHolidays holidays, IPaySchedules schedules)
{
    public async Task<BusinessDays> BusinessDaysAsync(Guid companyId, CancellationToken cancellationToken) =>
        new((await holidays.ListAsync(companyId, cancellationToken)).Select(h => h.Date));

    /// <summary><paramref name="count"/> periods from the one at <paramref name="firstIndex"/>, each with its payroll's status.</summary>
    public async Task<IReadOnlyList<SchedulePeriodDto>> PeriodsAsync(
        PaySchedule schedule, BusinessDays days, int firstIndex, int count, CancellationToken cancellationToken)
    {
        var periods = Enumerable.Range(firstIndex, Math.Max(0, Math.Min(count, PaySchedule.MaxPeriods - firstIndex)))
            .Select(i => schedule.PeriodAt(i, days)).ToList();
        if (periods.Count == 0)
        {
            return [];
        }

        var live = await schedules.LivePayrollsAsync(schedule.Id, periods[0].Start, periods[^1].Start, cancellationToken);
        return [.. periods.Select(p => live.TryGetValue(p.Start, out var payroll)
            ? new SchedulePeriodDto(p.Start, p.End, p.PayDate, payroll.Status, payroll.PayrollId)
            : new SchedulePeriodDto(p.Start, p.End, p.PayDate, SchedulePeriodDto.None, null))];
    }

    /// <summary>The index of the first period, counting from the schedule's first, without a draft or approved payroll.</summary>
    public async Task<int?> FirstOpenIndexAsync(PaySchedule schedule, CancellationToken cancellationToken)
    {
        // Read the live payrolls once over the whole range rather than period by period: a schedule years old has hundreds.
        var last = schedule.PeriodAt(PaySchedule.MaxPeriods - 1, BusinessDays.WeekendsOnly).Start;
        var live = await schedules.LivePayrollsAsync(schedule.Id, schedule.FirstPeriodStart, last, cancellationToken);
        for (var i = 0; i < PaySchedule.MaxPeriods; i++)
        {
            if (!live.ContainsKey(schedule.PeriodAt(i, BusinessDays.WeekendsOnly).Start))
            {
                return i;
            }
        }

        return null;
    }
}
