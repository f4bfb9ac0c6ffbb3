namespace PayrollPortal.Domain.Payrolls;

/// <summary>
/// How a generated line's regular pay was made from the employee's compensation: the pay type, the hours and rate of an
/// hourly line, and the proration of a period the employee joined or left inside. A line typed by hand has none.
/// </summary>
/// <param name="Rate">The hourly rate in minor units, for an hourly line.</param>
/// <param name="ProrationBasis"><c>weekdays</c> (US salaried) or <c>calendar_days</c> (kr 일할계산), when prorated.</param>
/// <param name="InsuranceMonth">kr: <c>acquisition_month</c> or <c>loss_month</c> when the premiums follow that month's rule.</param>
public sealed record LineEarnings(
    string PayType,
    decimal? RegularHours = null,
    decimal? OvertimeHours = null,
    long? Rate = null,
    int? DaysEmployed = null,
    int? DaysInPeriod = null,
    string? ProrationBasis = null,
    string? InsuranceMonth = null)
{
    public const string Weekdays = "weekdays";
    public const string CalendarDays = "calendar_days";

    /// <summary>The share of the period's pay, to six places for display; the pay itself is computed from the exact days.</summary>
    public decimal? ProrationFactor => DaysEmployed is { } employed && DaysInPeriod is > 0 and var total
        ? Math.Round((decimal)employed / total, 6, MidpointRounding.AwayFromZero)
        : null;
}
