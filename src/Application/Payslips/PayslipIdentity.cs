namespace PayrollPortal.Application.Payslips;

/// <summary>An employee as a payslip may identify them: the company's number, and the national identifier, still encrypted.</summary>
public sealed record PayslipIdentity(string? EmployeeNumber, string ProtectedNationalId);
