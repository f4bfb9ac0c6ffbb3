namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>
/// The report's business-income member: the period's approved sheets by month and in total. <see cref="Payees"/> in the total
/// counts the distinct payees of the whole period, so a freelancer paid in two months counts once.
/// </summary>
public sealed record BusinessIncomeReportDto(int Payees, long Amount, long IncomeTax, long LocalIncomeTax, IReadOnlyList<BusinessIncomeMonthDto> Months);
