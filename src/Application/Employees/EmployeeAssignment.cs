using System.Text.RegularExpressions;
using FluentValidation;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Schedules;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// The employee number and pay schedule, the same for every regime: the number is unique in the company; a schedule sets
/// the employee's pay frequency to its own, so a different <c>payFrequency</c> in the same request is refused.
/// </summary>
public sealed partial class EmployeeAssignment(IEmployeeRepository employees, IPaySchedules schedules)
{
    public const int MaxNumberLength = 20;

    public static readonly Error NumberInvalid = Error.Validation(
        "employee.number_invalid", $"employeeNumber must be 1-{MaxNumberLength} letters, digits or hyphens.", "employeeNumber");

    public static readonly Error ScheduleUnknown = Error.Validation(
        "employee.schedule_unknown", "No pay schedule of the company has this id.", "payScheduleId");

    public static bool IsValidNumber(string? number) => number is null || NumberPattern().IsMatch(number);

    public static Error NumberTaken(string number) =>
        Error.Conflict("employee.number_taken", $"Another employee of the company has the number '{number}'.", "employeeNumber");

    public static Error FrequencyConflict(PaySchedule schedule) => Error.Validation(
        "employee.pay_frequency_conflict",
        $"The schedule '{schedule.Name}' pays {Common.EnumText.ToText(schedule.Frequency)}: leave payFrequency out, or send the schedule's.",
        "payFrequency");

    /// <summary>
    /// The request's regime fields with the schedule's frequency filled in when the request left <c>payFrequency</c> out and
    /// the regime takes one, so a hire onto a schedule need not repeat its frequency.
    /// </summary>
    public static Dictionary<string, System.Text.Json.JsonElement> WithScheduleFrequency(
        Dictionary<string, System.Text.Json.JsonElement>? fields, PaySchedule? schedule, Regimes.IEmployeeProfiles regime)
    {
        fields ??= [];
        return schedule is null || !regime.TakesPayFrequency || fields.ContainsKey("payFrequency")
            ? fields
            : new(fields) { ["payFrequency"] = System.Text.Json.JsonSerializer.SerializeToElement(Common.EnumText.ToText(schedule.Frequency)) };
    }

    /// <summary>The schedule a request names, if it is the company's.</summary>
    public async Task<PaySchedule?> FindScheduleAsync(Guid companyId, Guid? scheduleId, CancellationToken cancellationToken) =>
        scheduleId is { } id ? await schedules.GetAsync(companyId, id, cancellationToken) : null;

    /// <summary>The error for a number another employee has, or null.</summary>
    public async Task<Error?> NumberRefusalAsync(Guid companyId, string? number, Guid? exceptEmployeeId, CancellationToken cancellationToken) =>
        number is not null && await employees.NumberTakenAsync(companyId, number, exceptEmployeeId, cancellationToken) ? NumberTaken(number) : null;

    /// <summary>The schedule to assign, checked against the frequency the request set (null when it set none).</summary>
    public async Task<Result<PaySchedule>> ScheduleAsync(Guid companyId, Guid scheduleId, PayFrequency? requested, CancellationToken cancellationToken)
    {
        if (await schedules.GetAsync(companyId, scheduleId, cancellationToken) is not { } schedule)
        {
            return ScheduleUnknown;
        }

        return requested is { } frequency && frequency != schedule.Frequency ? FrequencyConflict(schedule) : schedule;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex NumberPattern();
}
