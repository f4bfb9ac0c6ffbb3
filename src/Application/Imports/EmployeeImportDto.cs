namespace PayrollPortal.Application.Imports;

/// <summary>An employee import's outcome: the counts, each row's action and, for a dry run, every problem by row and column.</summary>
public sealed record EmployeeImportDto(
    bool DryRun, string Sha256, int Rows, int Created, int Updated, int Unchanged,
    IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportedEmployeeDto> Employees);
