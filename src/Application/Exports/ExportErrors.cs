using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Exports;

public static class ExportErrors
{
    public static readonly Error PayrollNotFound = Error.NotFound("export.payroll_not_found", "The company has no payroll with this id.");

    public static readonly Error PayrollVoided = Error.Conflict(
        "export.payroll_voided", "A voided payroll is not exported; export the month or quarter to see the approved payrolls.", "scope.payrollId");
}
