using PayrollPortal.Domain.Calendars;
using PayrollPortal.Domain.Schedules;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Domain.UnitTests.Schedules;

public sealed class PayScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(PayFrequency.Weekly, "2026-01-04", "2026-01-18", 2)]
    [InlineData(PayFrequency.Biweekly, "2026-01-04", "2026-02-01", 2)]
    [InlineData(PayFrequency.Semimonthly, "2026-01-16", "2026-03-01", 3)]
    [InlineData(PayFrequency.Monthly, "2026-01-01", "2027-01-01", 12)]
    public void IndexOfStart_ShouldFindEachPeriodStartAndOnlyThose(PayFrequency frequency, string first, string start, int expected)
    {
        var schedule = PaySchedule.Create(Guid.NewGuid(), "S", frequency, DateOnly.Parse(first), 0, null, false, Now).Value!;

        schedule.IndexOfStart(DateOnly.Parse(start)).ShouldBe(expected);
        schedule.PeriodAt(expected, BusinessDays.WeekendsOnly).Start.ShouldBe(DateOnly.Parse(start));
        schedule.IndexOfStart(DateOnly.Parse(start).AddDays(1)).ShouldBeNull();
        schedule.IndexOfStart(DateOnly.Parse(first).AddDays(-7)).ShouldBeNull("before the first period");
        schedule.IndexContaining(DateOnly.Parse(start).AddDays(3)).ShouldBe(expected);
    }

    [Fact]
    public void Biweekly_InAYearWith27PayDates_ShouldPayEachPeriodTheSameSalaryShare()
    {
        // Paid on Thursdays from 2026-01-01, 27 biweekly pay dates fall in 2026 (the last on 2026-12-31); each is 1/26 of the salary.
        var schedule = PaySchedule.Create(Guid.NewGuid(), "S", PayFrequency.Biweekly, new DateOnly(2025, 12, 19), 0, null, false, Now).Value!;
        var payDates = Enumerable.Range(0, 60).Select(i => schedule.PeriodAt(i, BusinessDays.WeekendsOnly).PayDate).Where(d => d.Year == 2026).ToList();

        payDates.Count.ShouldBe(27);
        PaySchedule.PeriodsPerYear(PayFrequency.Biweekly).ShouldBe(26);
    }

    [Fact]
    public void Create_ShouldRefuseStartsThatAreNotPeriodStarts()
    {
        PaySchedule.Create(Guid.NewGuid(), "S", PayFrequency.Semimonthly, new DateOnly(2026, 1, 5), 0, null, false, Now).Errors.Single().Field.ShouldBe("firstPeriodStart");
        PaySchedule.Create(Guid.NewGuid(), "S", PayFrequency.Monthly, new DateOnly(2026, 1, 2), 0, null, false, Now).Errors.Single().Field.ShouldBe("firstPeriodStart");
        PaySchedule.Create(Guid.NewGuid(), "S", PayFrequency.Weekly, new DateOnly(2026, 1, 2), 0, 25, false, Now).Errors.Single().Field.ShouldBe("payDayOfMonth");
    }

    [Theory]
    [InlineData("2026-01-07", null, 8, 10)] // hired on a Wednesday
    [InlineData("2025-01-01", "2026-01-13", 7, 10)] // terminated on a Tuesday
    [InlineData("2026-01-10", null, 5, 10)] // hired on a Saturday: the next week's five weekdays
    public void Weekdays_ShouldCountTheHireAndTerminationDaysAsEmployed(string hired, string? terminated, int employed, int inPeriod)
    {
        var proration = Proration.Weekdays(new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 17), DateOnly.Parse(hired),
            terminated is null ? null : DateOnly.Parse(terminated));

        proration.ShouldBe(new Proration(employed, inPeriod));
    }

    [Fact]
    public void CalendarDays_ForAWholeMonth_ShouldBeNull()
    {
        Proration.CalendarDays(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2025, 1, 1), null).ShouldBeNull();
        Proration.CalendarDays(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 16), null).ShouldBe(new Proration(16, 31));
    }
}
