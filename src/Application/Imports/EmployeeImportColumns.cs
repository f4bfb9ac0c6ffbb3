using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Imports;

/// <summary>The columns every regime's employee import has, and the whole list for a regime in template order.</summary>
public static class EmployeeImportColumns
{
    public const string EmployeeNumber = "employeeNumber";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string HireDate = "hireDate";
    public const string TerminationDate = "terminationDate";
    public const string PaySchedule = "paySchedule";
    public const string CompensationEffectiveFrom = "compensationEffectiveFrom";

    public static IReadOnlyList<ImportColumn> Core { get; } =
    [
        new(EmployeeNumber, ImportColumnKind.Text, "E-1001", "1-20 letters, digits or hyphens, unique in the company. Matches an existing employee first."),
        new(FirstName, ImportColumnKind.Text, "Ada", "Required for a new employee."),
        new(LastName, ImportColumnKind.Text, "Lovelace", "Required for a new employee."),
        new(HireDate, ImportColumnKind.Date, "2026-01-05", "yyyy-mm-dd. Required for a new employee."),
        new(TerminationDate, ImportColumnKind.Date, "", "yyyy-mm-dd, on or after the hire date; blank leaves it as it is."),
        new(PaySchedule, ImportColumnKind.Text, "", "The name of one of the company's pay schedules; its frequency becomes the employee's."),
    ];

    public static ImportColumn EffectiveFrom { get; } = new(
        CompensationEffectiveFrom, ImportColumnKind.Date, "2026-01-01",
        "The date the compensation applies from (yyyy-mm-dd). Defaults to the hire date for a new employee; required when an existing employee's compensation changes. The same date replaces that record, another date adds one.");

    /// <summary>Core columns, then the regime's, with the compensation's effective date before the regime's compensation terms.</summary>
    public static IReadOnlyList<ImportColumn> For(IEmployeeImports regime) => [.. Core, .. regime.Columns, EffectiveFrom];
}
