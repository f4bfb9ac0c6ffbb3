namespace PayrollPortal.Application.Imports;

/// <summary>Every row's write and every problem found; an import stores the writes only when there is no problem.</summary>
public sealed record EmployeeImportPlan(IReadOnlyList<PlannedEmployee> Rows, IReadOnlyList<ImportProblem> Problems);
