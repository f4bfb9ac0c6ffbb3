using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Employees;

public static class EmployeeErrors
{
    public static readonly Error SsnRequired = Error.Validation("employee.ssn_required", "SSN is required.", "ssn");

    public static readonly Error SsnMalformed = Error.Validation("employee.ssn_malformed", "SSN must be nine digits, as NNN-NN-NNNN or NNNNNNNNN.", "ssn");

    public static readonly Error SsnNotIssuable = Error.Validation(
        "employee.ssn_not_issuable", "SSN is not one the SSA issues (area 000, 666 or 900-999, group 00 or serial 0000).", "ssn");

    public static readonly Error SsnTaken = Error.Conflict("employee.ssn_taken", "Another employee of this company has this SSN.", "ssn");

    public static readonly Error NotFound = Error.NotFound("employee.not_found", "Employee not found.");

    public static readonly Error TerminationBeforeHire = Error.Validation(
        "employee.termination_before_hire", "Termination date must not be before the hire date.", "terminationDate");

    public static readonly Error W4EffectiveDateRequired = Error.Validation(
        "employee.w4_effective_date_required", "A W-4 change needs w4EffectiveDate, the first pay date it applies to.", "w4EffectiveDate");

    public static readonly Error NoW4AtDate = Error.Validation(
        "employee.no_w4_at_date", "The employee has no W-4 in effect on that date.", "w4EffectiveDate");
}
