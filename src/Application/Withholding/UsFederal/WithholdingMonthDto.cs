namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// One month of approved payrolls, in the figures a Form 941 filer needs. <see cref="Wages"/> is gross plus supplemental pay;
/// <see cref="FederalIncomeTaxWages"/> is after the pre-tax deductions that income tax excludes.
/// </summary>
public sealed record WithholdingMonthDto(
    int Month,
    decimal Wages,
    decimal FederalIncomeTaxWages,
    decimal FederalIncomeTax,
    decimal SocialSecurityWages,
    decimal SocialSecurityEmployee,
    decimal SocialSecurityEmployer,
    decimal MedicareWages,
    decimal MedicareEmployee,
    decimal MedicareEmployer,
    decimal AdditionalMedicare,
    decimal TotalLiability,
    int PayrollCount);
