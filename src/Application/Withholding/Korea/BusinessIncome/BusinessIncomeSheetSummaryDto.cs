namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>A sheet in a list: its pay date, status and sums.</summary>
public sealed record BusinessIncomeSheetSummaryDto(Guid Id, DateOnly PayDate, string Status, int Lines, long Amount, long IncomeTax, long LocalIncomeTax, long NetAmount);
