using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// An employee's wages and taxes from this company's approved payrolls earlier in the tax year. <see cref="FicaWithheld"/> is
/// what Massachusetts counts against its $2,000 yearly subtraction; <see cref="StateIncomeTax"/> is the state tax withheld so far.
/// </summary>
public sealed record YearToDate(
    Guid EmployeeId, Money SocialSecurityWages, Money MedicareWages, Money SupplementalWages, Money FicaWithheld = default, Money StateIncomeTax = default);
