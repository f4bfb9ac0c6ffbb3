using PayrollPortal.Domain.Calendars;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Domain.Schedules;

/// <summary>
/// When a company pays a group of employees. Weekly and biweekly periods count from the first period's start; semimonthly
/// periods are the 1st-15th and the 16th-last day; monthly periods are calendar months. The pay date is the period's end
/// plus an offset, or for a monthly schedule a fixed day of the month (of the next month, if so set), moved back to the
/// business day before when it falls on a weekend or a company holiday.
/// </summary>
public sealed class PaySchedule
{
    public const int MaxNameLength = 60;
    public const int MaxOffsetDays = 60;

    /// <summary>How far a schedule's periods are enumerated looking for one to start: far more than any company's history.</summary>
    public const int MaxPeriods = 53 * 100;

    public PaySchedule(
        Guid id, Guid companyId, string name, PayFrequency frequency, DateOnly firstPeriodStart, int payDateOffsetDays, int? payDayOfMonth,
        bool payInNextMonth, DateTimeOffset createdAt)
    {
        Id = id;
        CompanyId = companyId;
        Name = name;
        Frequency = frequency;
        FirstPeriodStart = firstPeriodStart;
        PayDateOffsetDays = payDateOffsetDays;
        PayDayOfMonth = payDayOfMonth;
        PayInNextMonth = payInNextMonth;
        CreatedAt = createdAt;
    }

    public Guid Id { get; }

    public Guid CompanyId { get; }

    public string Name { get; }

    public PayFrequency Frequency { get; }

    public DateOnly FirstPeriodStart { get; }

    public int PayDateOffsetDays { get; }

    /// <summary>Monthly schedules only: the day of the month the pay date falls on (31 means the month's last day).</summary>
    public int? PayDayOfMonth { get; }

    /// <summary>With <see cref="PayDayOfMonth"/>: paid in the month after the period (the 10th of the next month, say).</summary>
    public bool PayInNextMonth { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>A salary is divided by this many periods, whatever the calendar year holds (a 53rd week is paid the same).</summary>
    public static int PeriodsPerYear(PayFrequency frequency) => frequency switch
    {
        PayFrequency.Weekly => 52,
        PayFrequency.Biweekly => 26,
        PayFrequency.Semimonthly => 24,
        PayFrequency.Monthly => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Schedules are weekly, biweekly, semimonthly or monthly."),
    };

    public static bool IsScheduleFrequency(PayFrequency frequency) =>
        frequency is PayFrequency.Weekly or PayFrequency.Biweekly or PayFrequency.Semimonthly or PayFrequency.Monthly;

    public static Result<PaySchedule> Create(
        Guid companyId, string name, PayFrequency frequency, DateOnly firstPeriodStart, int payDateOffsetDays, int? payDayOfMonth, bool payInNextMonth,
        DateTimeOffset now)
    {
        if (frequency is PayFrequency.Semimonthly && firstPeriodStart.Day is not (1 or 16))
        {
            return ScheduleErrors.SemimonthlyStart;
        }

        if (frequency is PayFrequency.Monthly && firstPeriodStart.Day != 1)
        {
            return ScheduleErrors.MonthlyStart;
        }

        if (payDayOfMonth is not null && frequency != PayFrequency.Monthly)
        {
            return ScheduleErrors.PayDayNeedsMonthly;
        }

        return new PaySchedule(Guid.CreateVersion7(now), companyId, name.Trim(), frequency, firstPeriodStart, payDateOffsetDays, payDayOfMonth, payInNextMonth, now);
    }

    /// <summary>The period <paramref name="index"/> periods after the first (0 is the first).</summary>
    public SchedulePeriod PeriodAt(int index, BusinessDays businessDays)
    {
        var (start, end) = Frequency switch
        {
            PayFrequency.Weekly => (FirstPeriodStart.AddDays(7 * index), FirstPeriodStart.AddDays((7 * index) + 6)),
            PayFrequency.Biweekly => (FirstPeriodStart.AddDays(14 * index), FirstPeriodStart.AddDays((14 * index) + 13)),
            PayFrequency.Semimonthly => HalfMonth(index),
            PayFrequency.Monthly => (FirstPeriodStart.AddMonths(index), FirstPeriodStart.AddMonths(index + 1).AddDays(-1)),
            _ => throw new InvalidOperationException($"A schedule is never {Frequency}."),
        };
        return new SchedulePeriod(start, end, businessDays.OnOrBefore(PayDateFor(end)));
    }

    /// <summary>The index of the period that starts on <paramref name="start"/>, or null when no period of this schedule does.</summary>
    public int? IndexOfStart(DateOnly start)
    {
        if (start < FirstPeriodStart)
        {
            return null;
        }

        int index;
        switch (Frequency)
        {
            case PayFrequency.Weekly or PayFrequency.Biweekly:
                var length = Frequency == PayFrequency.Weekly ? 7 : 14;
                var days = start.DayNumber - FirstPeriodStart.DayNumber;
                if (days % length != 0)
                {
                    return null;
                }

                index = days / length;
                break;
            case PayFrequency.Semimonthly:
                if (start.Day is not (1 or 16))
                {
                    return null;
                }

                index = (MonthsBetween(FirstPeriodStart, start) * 2) + (start.Day == 16 ? 1 : 0) - (FirstPeriodStart.Day == 16 ? 1 : 0);
                break;
            default:
                if (start.Day != 1)
                {
                    return null;
                }

                index = MonthsBetween(FirstPeriodStart, start);
                break;
        }

        return index is >= 0 and < MaxPeriods ? index : null;
    }

    /// <summary>The index of the period that contains <paramref name="date"/>; 0 for a date before the first period.</summary>
    public int IndexContaining(DateOnly date)
    {
        if (date <= FirstPeriodStart)
        {
            return 0;
        }

        var index = Frequency switch
        {
            PayFrequency.Weekly => (date.DayNumber - FirstPeriodStart.DayNumber) / 7,
            PayFrequency.Biweekly => (date.DayNumber - FirstPeriodStart.DayNumber) / 14,
            PayFrequency.Semimonthly => (MonthsBetween(FirstPeriodStart, date) * 2) + (date.Day >= 16 ? 1 : 0) - (FirstPeriodStart.Day == 16 ? 1 : 0),
            _ => MonthsBetween(FirstPeriodStart, date),
        };
        return Math.Min(index, MaxPeriods - 1);
    }

    private DateOnly PayDateFor(DateOnly periodEnd)
    {
        if (PayDayOfMonth is not { } day)
        {
            return periodEnd.AddDays(PayDateOffsetDays);
        }

        var month = PayInNextMonth ? periodEnd.AddMonths(1) : periodEnd;
        return new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
    }

    private (DateOnly Start, DateOnly End) HalfMonth(int index)
    {
        var halves = index + (FirstPeriodStart.Day == 16 ? 1 : 0);
        var month = new DateOnly(FirstPeriodStart.Year, FirstPeriodStart.Month, 1).AddMonths(halves / 2);
        return halves % 2 == 0
            ? (month, month.AddDays(14))
            : (month.AddDays(15), month.AddMonths(1).AddDays(-1));
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
