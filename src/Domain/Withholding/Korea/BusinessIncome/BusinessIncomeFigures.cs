namespace PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

/// <summary>
/// One payment's withholding, in whole won: the income tax rate in basis points (300 = 3%), the income tax and the local income
/// tax each truncated to 10 KRW, and what the payee receives. <see cref="SmallAmountExempt"/> is true when the small-amount rule
/// (소액부징수, Income Tax Act art. 86) left a computed tax uncollected.
/// </summary>
public sealed record BusinessIncomeFigures(long Amount, int RateBasisPoints, long IncomeTax, long LocalIncomeTax, long NetAmount, bool SmallAmountExempt);
