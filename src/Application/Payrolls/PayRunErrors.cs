using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payrolls;

public static class PayRunErrors
{
    public static readonly Error PeriodNotInSchedule = Error.Validation(
        "run.period_not_in_schedule", "periodStart is not the start of one of the schedule's periods.", "periodStart");

    public static readonly Error NoOpenPeriod = Error.Conflict("run.no_open_period", "Every period of the schedule already has a payroll.");

    public static readonly Error NoEmployees = Error.Validation(
        "run.no_employees", "No employee on this schedule is employed in the period.", "scheduleId");

    public static Error PeriodStarted(Guid payrollId, DateOnly periodStart, string status) => Error.Conflict(
        "run.period_started", $"The period starting {periodStart:yyyy-MM-dd} already has payroll {payrollId} ({status}).", "periodStart");

    public static Error NoCompensation(IEnumerable<string> people) => Error.Validation(
        "run.no_compensation", $"No compensation record is in effect on the period's end date for: {string.Join(", ", people)}.", "employees");

    public static Error HoursMissing(IEnumerable<string> people) => Error.Validation(
        "run.hours_required", $"Hours are required for the hourly employees: {string.Join(", ", people)}.", "hours");

    public static Error HoursEmployeeRequired(string label) => Error.Validation(
        "run.hours_employee_required", "Give employeeId or employeeNumber (one of them).", $"{label}.employeeId");

    public static Error HoursUnknownEmployee(string label, string field) => Error.Validation(
        "run.hours_employee_not_in_run", "No employee of this run (on the schedule and employed in the period) has this id or number.", $"{label}.{field}");

    public static Error HoursDuplicate(string label) => Error.Validation(
        "run.hours_duplicate", "The employee's hours are listed twice.", $"{label}.employeeId");

    public static Error HoursOutOfRange(string label, string field, decimal max) => Error.Validation(
        "run.hours_out_of_range", $"{field} must be from 0 to {max} (24 hours a day of the period), with at most two decimal places.", $"{label}.{field}");

    public static Error HoursNotHourly(string label) => Error.Validation(
        "run.hours_not_hourly", "The employee is salaried in this period: hours are only entered for hourly employees.", $"{label}.employeeId");
}
