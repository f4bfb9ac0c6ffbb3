using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>A kr compensation record in whole KRW.</summary>
public sealed record KoreaCompensationTerms(long MonthlyBase, long TaxableAllowances) : ICompensationTerms
{
    public const string Monthly = "monthly";

    public string PayType => Monthly;

    public bool IsHourly => false;
}
