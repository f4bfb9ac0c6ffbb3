namespace PayrollPortal.Application.Payrolls;

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

/// <summary>
/// A month's or a quarter's withholding liability from approved payrolls, with the per-month breakdown. For a kr company
/// (a month, a quarter or the whole year) the six deductions are in <see cref="Kr"/> in whole KRW, and the us-federal
/// figures are zero.
/// </summary>
public sealed record WithholdingReportDto(
    Guid CompanyId,
    int Year,
    int? Quarter,
    int? Month,
    int EmployeeCount,
    WithholdingMonthDto Totals,
    IReadOnlyList<WithholdingMonthDto> Months,
    string Regime = "us-federal",
    string Currency = "USD",
    Withholding.Korea.KoreaWithholdingReportDto? Kr = null);
