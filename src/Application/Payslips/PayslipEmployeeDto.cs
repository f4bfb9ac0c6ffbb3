namespace PayrollPortal.Application.Payslips;

/// <summary>
/// The employee as a payslip prints them: the name and one identifier that is never a full national number (the last four
/// digits of the SSN, or the employee number).
/// </summary>
public sealed record PayslipEmployeeDto(Guid Id, string Name, string? EmployeeNumber, string? IdentifierLabel, string? Identifier);
