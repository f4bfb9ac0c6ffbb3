namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>Whole-won arithmetic. KRW has no minor unit; every rounding in this regime truncates to 10 KRW (국고금관리법 제47조).</summary>
public static class Krw
{
    /// <summary>floor(numerator / denominator) truncated to a multiple of 10, for non-negative operands.</summary>
    public static long Floor10(Int128 numerator, Int128 denominator) => (long)(numerator / denominator / 10 * 10);

    public static long Floor10(long amount) => amount / 10 * 10;
}
