namespace PayrollPortal.Application.Imports;

/// <summary>What an import matches an employee by: the employee number, else the national identifier's blind index.</summary>
public sealed record EmployeeKey(Guid Id, string? EmployeeNumber, string BlindIndex);
