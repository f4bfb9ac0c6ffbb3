namespace PayrollPortal.Application.Imports;

/// <summary>What an import does (or, in a dry run, would do) with one row.</summary>
/// <param name="Action"><c>created</c>, <c>updated</c> or <c>unchanged</c>.</param>
/// <param name="EmployeeId">The employee; null for a row a dry run would create.</param>
/// <param name="Changes">For an update, what changed (<c>lastName</c>, <c>w4</c>, <c>compensation</c>, ...); never an identifier's digits.</param>
public sealed record ImportedEmployeeDto(int Row, string Action, Guid? EmployeeId, string? EmployeeNumber, IReadOnlyList<string> Changes);
