using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Schedules;

public static class ScheduleErrors
{
    public static readonly Error NotFound = Error.NotFound("schedule.not_found", "Pay schedule not found.");

    public static readonly Error SemimonthlyStart = Error.Validation(
        "schedule.semimonthly_start", "A semimonthly schedule's periods are the 1st-15th and the 16th-last day: firstPeriodStart must be a 1st or a 16th.", "firstPeriodStart");

    public static readonly Error MonthlyStart = Error.Validation(
        "schedule.monthly_start", "A monthly schedule's periods are calendar months: firstPeriodStart must be the 1st of a month.", "firstPeriodStart");

    public static readonly Error PayDayNeedsMonthly = Error.Validation(
        "schedule.pay_day_monthly_only", "payDayOfMonth is for monthly schedules; other schedules pay payDateOffsetDays after the period ends.", "payDayOfMonth");

    public static Error NameTaken(string name) => Error.Conflict("schedule.name_taken", $"The company already has a pay schedule named '{name}'.", "name");

    public static Error RegimeWithoutRuns(string regime) => Error.Validation(
        "schedule.regime_without_runs", $"The {regime} regime does not generate payrolls from schedules; post its payrolls explicitly.");

    public static Error FrequencyNotAllowed(string regime, string frequency) => Error.Validation(
        "schedule.frequency_not_allowed", $"A {regime} company does not pay {frequency}.", "frequency");
}
