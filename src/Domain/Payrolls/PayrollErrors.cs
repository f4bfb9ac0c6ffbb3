using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Payrolls;

public static class PayrollErrors
{
    public static readonly Error NotFound = Error.NotFound("payroll.not_found", "Payroll not found.");

    public static readonly Error NotDraft = Error.Conflict("payroll.not_draft", "Only a draft payroll can be changed or approved; this one is not a draft.");

    public static readonly Error NotApproved = Error.Conflict("payroll.not_approved", "Only an approved payroll can be voided.");

    public static readonly Error PeriodReversed = Error.Validation("payroll.period_reversed", "periodStart must not be after periodEnd.", "periodStart");

    public static readonly Error NoLines = Error.Validation("payroll.no_lines", "A payroll needs at least one line.", "lines");

    public static readonly Error Stale = Error.Conflict(
        "payroll.stale",
        "Year-to-date wages changed since this draft was computed (another payroll was approved or voided). Review it: PUT its lines again to recompute, then approve.");

    public static Error DuplicateEmployee(int index) =>
        Error.Validation("payroll.duplicate_employee", "The employee already has a line in this payroll.", $"lines[{index}].employeeId");

    public static Error UnknownEmployee(int index) =>
        Error.Validation("payroll.unknown_employee", "No employee with this id belongs to the company.", $"lines[{index}].employeeId");

    public static Error TerminatedEmployee(int index, DateOnly terminated) =>
        Error.Validation("payroll.employee_terminated", $"The employee was terminated on {terminated:yyyy-MM-dd}, before the period starts.", $"lines[{index}].employeeId");

    public static Error NotYetHired(int index, DateOnly hired) =>
        Error.Validation("payroll.employee_not_hired", $"The employee is hired on {hired:yyyy-MM-dd}, after the period ends.", $"lines[{index}].employeeId");

    public static Error NegativeNetPay(int index) =>
        Error.Validation("payroll.negative_net_pay", "Deductions and withholdings exceed the pay on this line.", $"lines[{index}].postTaxDeductions");
}
