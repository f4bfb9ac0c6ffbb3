namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>One month's approved business income: distinct payees, the amounts and the taxes withheld.</summary>
public sealed record BusinessIncomeMonthDto(int Month, int Payees, long Amount, long IncomeTax, long LocalIncomeTax)
{
    public static BusinessIncomeMonthDto Empty(int month) => new(month, 0, 0, 0, 0);
}
