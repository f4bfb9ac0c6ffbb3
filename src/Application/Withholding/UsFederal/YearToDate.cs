using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>An employee's wages from this company's approved payrolls earlier in the tax year.</summary>
public sealed record YearToDate(Guid EmployeeId, Money SocialSecurityWages, Money MedicareWages, Money SupplementalWages);
