namespace PayrollPortal.Domain.Calendars;

/// <summary>Weekends and a company's holidays: the days nobody is paid on.</summary>
public sealed class BusinessDays(IEnumerable<DateOnly> holidays)
{
    public static readonly BusinessDays WeekendsOnly = new([]);

    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The date itself when it is a business day, otherwise the business day before it.</summary>
    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
