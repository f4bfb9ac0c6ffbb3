namespace PayrollPortal.Domain.Schedules;

/// <summary>One pay period of a schedule: the days it pays for and the business day it is paid on.</summary>
public sealed record SchedulePeriod(DateOnly Start, DateOnly End, DateOnly PayDate)
{
    /// <summary>Calendar days in the period, both ends included.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;
}
