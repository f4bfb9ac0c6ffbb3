using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.OpeningBalances;

public static class OpeningBalanceErrors
{
    public static Error UnknownField(string field) =>
        Error.Validation("opening_balance.unknown_field", $"'{field.Split('.')[^1]}' is not an opening balance field of this company's regime.", field);

    public static Error EmployeeRequired(string prefix) => Error.Validation(
        "opening_balance.employee_required", "employeeNumber or employeeId is required: the employee's number in the company, or their id.", prefix + "employeeId");

    public static Error EmployeeIdInvalid(string prefix) => Error.Validation(
        "opening_balance.employee_id_invalid", "employeeId must be an employee's id, as the API and the Employees page show it.", prefix + "employeeId");

    public static Error EmployeeNumberInvalid(string prefix) => Error.Validation(
        "opening_balance.employee_number_invalid", Employees.EmployeeAssignment.NumberInvalid.Message, prefix + "employeeNumber");

    public static Error EmployeeUnknown(string prefix) =>
        Error.Validation("opening_balance.employee_unknown", "No employee of the company has this id.", prefix + "employeeId");

    public static Error EmployeeNumberUnknown(string prefix, string number) =>
        Error.Validation("opening_balance.employee_unknown", $"No employee of the company has the employee number '{number}'.", prefix + "employeeNumber");

    public static Error EmployeeMismatch(string prefix, string number) => Error.Validation(
        "opening_balance.employee_mismatch",
        $"The employee number '{number}' is another employee's than employeeId's: give one of them, or both of the same employee.",
        prefix + "employeeNumber");

    public static Error RegimeUnsupported(string regime) =>
        Error.Conflict("opening_balance.regime_unsupported", $"A '{regime}' company takes no opening balances.");

    public static Error PayrollAfterAsOf(string field, DateOnly asOf, DateOnly payDate) => Error.Conflict(
        "opening_balance.payroll_after_as_of",
        $"A payroll paid {payDate:yyyy-MM-dd} is already approved for this employee after the as-of date {asOf:yyyy-MM-dd}: its figures already count, so a balance as of an earlier date would count twice.",
        field);
}
