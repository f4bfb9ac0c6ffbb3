namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>
/// Wages this employer paid the employee earlier in the calendar year, before this pay period. They carry the
/// Social Security wage base, the 200,000 Additional Medicare threshold and the 1,000,000 supplemental threshold across periods.
/// </summary>
public readonly record struct YearToDateWages(
    decimal SocialSecurityWages = 0m,
    decimal MedicareWages = 0m,
    decimal SupplementalWages = 0m);
