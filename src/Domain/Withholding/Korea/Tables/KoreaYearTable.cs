namespace PayrollPortal.Domain.Withholding.Korea.Tables;

/// <summary>One calendar year's figures for the kr regime, loaded from an embedded <c>kr-YYYY.json</c> and checked.</summary>
public sealed record KoreaYearTable(
    string Source,
    int Year,
    KrwRate PensionRate,
    long PensionBaseTruncation,
    IReadOnlyList<PensionBounds> PensionBounds,
    KrwRate HealthTotalRate,
    long HealthEmployeeCap,
    long HealthEmployeeFloor,
    IReadOnlyList<LongTermCarePeriod> LongTermCare,
    KrwRate EmploymentRate,
    SimplifiedTaxTable SimplifiedTable,
    DateOnly SimplifiedTableFrom,
    IReadOnlyList<Over10MBand> Over10M,
    IReadOnlyList<ChildAmounts> ChildAmounts,
    long MinimumCollected,
    KrwRate LocalIncomeTaxRate,
    NonTaxableLimits NonTaxableLimits)
{
    public PensionBounds PensionBoundsFor(int month) => PensionBounds.First(b => b.FromMonth <= month && month <= b.ToMonth);

    public LongTermCarePeriod LongTermCareFor(int month) => LongTermCare.First(p => p.FromMonth <= month && month <= p.ToMonth);

    /// <summary>The child amounts for a withholding date in this year, or null before the table's first valid date.</summary>
    public ChildAmounts? ChildAmountsOn(DateOnly date) => ChildAmounts.FirstOrDefault(c => c.From <= date && date <= c.To);
}

/// <summary>기준소득월액 bounds; they change on 1 July, so each year has two.</summary>
public sealed record PensionBounds(int FromMonth, int ToMonth, long Min, long Max);

/// <summary>Long-term care as an exact ratio of the employee's health premium for premium months <c>FromMonth..ToMonth</c>.</summary>
public sealed record LongTermCarePeriod(int FromMonth, int ToMonth, KrwRate RatioOfHealth);

/// <summary>One band of the formula above 10,000,000 KRW (별표2): constant + (pay - appliedOver) x factor x rate.</summary>
public sealed record Over10MBand(long? UpTo, long Constant, long AppliedOver, KrwRate Factor, KrwRate Rate);

/// <summary>The monthly amounts subtracted for children aged 8 to 20 (별표2 비고 3), by withholding date.</summary>
public sealed record ChildAmounts(DateOnly From, DateOnly To, long One, long Two, long EachBeyondTwo)
{
    public long For(int children) => children switch
    {
        <= 0 => 0,
        1 => One,
        _ => Two + ((children - 2) * EachBeyondTwo),
    };
}

/// <summary>Monthly non-taxable limits (소득세법 제12조제3호): what is paid above a limit is taxable and insurable.</summary>
public sealed record NonTaxableLimits(long Meals, long CarAllowance, long Childcare);
