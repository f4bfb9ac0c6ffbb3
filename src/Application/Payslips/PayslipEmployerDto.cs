using PayrollPortal.Application.Companies;

namespace PayrollPortal.Application.Payslips;

/// <summary>The employer as a payslip prints it: name, tax identifier (EIN or 사업자등록번호) and address.</summary>
public sealed record PayslipEmployerDto(string Name, string? IdentifierLabel, string? Identifier, CompanyAddressDto? Address);
