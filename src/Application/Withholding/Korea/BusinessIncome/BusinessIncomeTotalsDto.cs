namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>A sheet's or a month's sums in whole won, and how many payees they pay.</summary>
public sealed record BusinessIncomeTotalsDto(int Payees, long Amount, long IncomeTax, long LocalIncomeTax, long NetAmount);
