namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>A sheet line as sent: the payee and the amount paid, in whole won (bound as a decimal so 1.5 is a 400 naming the field).</summary>
public sealed record BusinessIncomeLineRequest(Guid? PayeeId, decimal? Amount);
