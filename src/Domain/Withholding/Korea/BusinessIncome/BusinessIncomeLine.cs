namespace PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

/// <summary>One payee's payment on a sheet, with its withholding.</summary>
public sealed record BusinessIncomeLine(int LineNumber, Guid PayeeId, BusinessIncomeFigures Figures);
