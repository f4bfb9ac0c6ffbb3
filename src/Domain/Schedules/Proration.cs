namespace PayrollPortal.Domain.Schedules;

/// <summary>
/// The part of a period an employee who joined or left inside it was employed: US salaried pay counts weekdays (Monday to
/// Friday, holidays included, the hire and termination days counted as employed); kr pay counts calendar days (일할계산).
/// </summary>
public sealed record Proration(int DaysEmployed, int DaysInPeriod)
{
    /// <summary>Null when the employee was employed the whole period (nothing to prorate).</summary>
    public static Proration? Weekdays(DateOnly start, DateOnly end, DateOnly hireDate, DateOnly? terminationDate) =>
        Of(start, end, hireDate, terminationDate, IsWeekday);

    /// <summary>Null when the employee was employed the whole period.</summary>
    public static Proration? CalendarDays(DateOnly start, DateOnly end, DateOnly hireDate, DateOnly? terminationDate) =>
        Of(start, end, hireDate, terminationDate, _ => true);

    /// <summary>Whether the employee was employed on any day of the period.</summary>
    public static bool Overlaps(DateOnly start, DateOnly end, DateOnly hireDate, DateOnly? terminationDate) =>
        hireDate <= end && (terminationDate is not { } left || left >= start);

    private static Proration? Of(DateOnly start, DateOnly end, DateOnly hireDate, DateOnly? terminationDate, Func<DateOnly, bool> counts)
    {
        var from = hireDate > start ? hireDate : start;
        var to = terminationDate is { } left && left < end ? left : end;
        if (from == start && to == end)
        {
            return null;
        }

        return new Proration(Count(from, to, counts), Count(start, end, counts));
    }

    private static int Count(DateOnly from, DateOnly to, Func<DateOnly, bool> counts)
    {
        var days = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days += counts(day) ? 1 : 0;
        }

        return days;
    }

    private static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
