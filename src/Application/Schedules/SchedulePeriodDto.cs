namespace PayrollPortal.Application.Schedules;

/// <param name="Status"><c>none</c>, <c>draft</c> or <c>approved</c>: the period's live payroll, if any (a voided one does not count).</param>
public sealed record SchedulePeriodDto(DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PayDate, string Status, Guid? PayrollId)
{
    public const string None = "none";
}
