using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Exports;

public static class ExportErrors
{
    public static readonly Error PayrollNotFound = Error.NotFound("export.payroll_not_found", "The company has no payroll with this id.");

    public static readonly Error PayrollVoided = Error.Conflict(
        "export.payroll_voided", "A voided payroll is not exported; export the month or quarter to see the approved payrolls.", "scope.payrollId");

    public static Error UnknownScopeMember(string member) => Error.Validation(
        "export.scope_invalid", $"{member} names no kind of document this server exports.", $"scope.{member}");

    public static readonly Error DocumentNotFound = Error.NotFound("export.document_not_found", "The company has no document of this kind with this id.");
}
