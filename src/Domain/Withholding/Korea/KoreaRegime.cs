using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea.Tables;

namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>
/// Korea (<c>kr</c>), employee side of a monthly payroll: 국민연금, 건강보험, 장기요양보험, 고용보험, 근로소득세 from the NTS
/// simplified table (간이세액표) and 지방소득세. Whole-won integer and exact rational arithmetic; every amount truncates to 10 KRW.
/// </summary>
public sealed class KoreaRegime : IWithholdingRegime<KoreaWithholdingInput, KoreaWithholding>
{
    public const string RegimeCode = "kr";

    /// <summary>Above any real monthly pay (1조 KRW), and low enough that no product of an amount and a rate overflows.</summary>
    public const long MaxAmount = 1_000_000_000_000;

    /// <summary>Far above any real household; the table's rule for more than 11 takes it to zero long before.</summary>
    public const int MaxDependents = 99;

    public static readonly int[] Ratios = [80, 100, 120];

    private readonly Dictionary<int, KoreaYearTable> _byYear;

    public KoreaRegime(IEnumerable<KoreaYearTable> years)
    {
        _byYear = [];
        foreach (var year in years)
        {
            if (!_byYear.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"Two kr tables for {year.Year}.", nameof(years));
            }
        }

        if (_byYear.Count == 0)
        {
            throw new ArgumentException("The kr regime needs at least one year's table.", nameof(years));
        }

        TaxYears = [.. _byYear.Keys.Order()];
    }

    public string Code => RegimeCode;

    public string CurrencyCode => "KRW";

    public IReadOnlyList<int> TaxYears { get; }

    public static KoreaRegime FromEmbeddedTables() => new(KoreaTables.LoadAll());

    public bool HasYear(int year) => _byYear.ContainsKey(year);

    public KoreaYearTable? TableFor(int year) => _byYear.GetValueOrDefault(year);

    public Result<KoreaWithholding> Calculate(KoreaWithholdingInput input)
    {
        var errors = Validate(input);
        return errors is null ? Compute(input) : Result<KoreaWithholding>.Failure(errors);
    }

    public IReadOnlyList<Error>? Validate(KoreaWithholdingInput input)
    {
        List<Error>? errors = null;
        if (input.PayMonth is < 1 or > 12 || !_byYear.TryGetValue(input.PayYear, out var year))
        {
            Add(ref errors, KoreaErrors.MonthUnavailable(input.PayYear, input.PayMonth, TaxYears));
        }
        else if (input.PayDate < year.SimplifiedTableFrom
                 || !_byYear.TryGetValue(input.PayDate.Year, out var dateYear) || dateYear.ChildAmountsOn(input.PayDate) is null)
        {
            Add(ref errors, KoreaErrors.PayDateUnavailable(input.PayDate));
        }

        CheckAmount(ref errors, input.MonthlyPay, "monthlyPay");
        CheckAmount(ref errors, input.NonTaxable.Meals, "nonTaxable.meals");
        CheckAmount(ref errors, input.NonTaxable.CarAllowance, "nonTaxable.carAllowance");
        CheckAmount(ref errors, input.NonTaxable.Childcare, "nonTaxable.childcare");

        if (input.Dependents is < 1 or > MaxDependents)
        {
            Add(ref errors, KoreaErrors.DependentsOutOfRange);
        }
        else if (input.ChildrenAged8To20 < 0 || input.ChildrenAged8To20 >= input.Dependents)
        {
            Add(ref errors, KoreaErrors.ChildrenOutOfRange);
        }

        if (Array.IndexOf(Ratios, input.WithholdingRatio) < 0)
        {
            Add(ref errors, KoreaErrors.RatioUnknown);
        }

        return errors;
    }

    private KoreaWithholding Compute(KoreaWithholdingInput input)
    {
        var year = _byYear[input.PayYear];
        var limits = year.NonTaxableLimits;
        var allowances = input.NonTaxable;

        // What is paid above a non-taxable limit is taxable and insurable like any other pay.
        var nonTaxable = Math.Min(allowances.Meals, limits.Meals) + Math.Min(allowances.CarAllowance, limits.CarAllowance)
                         + Math.Min(allowances.Childcare, limits.Childcare);
        var pay = input.MonthlyPay + (allowances.Total - nonTaxable);

        // A month of hire or leaving has its own premiums on the full month's pay (KoreaPremiumMonth); otherwise the month's.
        var premiumPay = input.PremiumMonth?.PremiumPay ?? pay;

        // 기준소득월액: 천원 미만 절사, then the half-year's 고시 bounds (국민연금법 시행령 제5조).
        var bounds = year.PensionBoundsFor(input.PayMonth);
        var pensionBase = Math.Clamp(premiumPay / year.PensionBaseTruncation * year.PensionBaseTruncation, bounds.Min, bounds.Max);

        // The employee's half of the health premium, then the 고시 floor and cap of that half.
        var healthRate = year.HealthTotalRate.Half();
        var healthBeforeBounds = healthRate.ApplyFloor10(premiumPay);
        var health = Math.Clamp(healthBeforeBounds, year.HealthEmployeeFloor, year.HealthEmployeeCap);
        var ltcRatio = year.LongTermCareFor(input.PayMonth).RatioOfHealth;

        // No pay this month, no premium: the floors apply to a 보수 that exists.
        var pension = premiumPay == 0 || input.PremiumMonth is { Pension: false } ? 0 : year.PensionRate.ApplyFloor10(pensionBase);
        health = premiumPay == 0 || input.PremiumMonth is { Health: false } ? 0 : health;
        var longTermCare = ltcRatio.ApplyFloor10(health);
        var employment = year.EmploymentRate.ApplyFloor10(pay);

        var (taxBeforeChildren, method, row) = TableOrFormula(year, pay, input.Dependents);
        var childAmount = _byYear[input.PayDate.Year].ChildAmountsOn(input.PayDate)!.For(input.ChildrenAged8To20);
        var afterChildren = Math.Max(0, taxBeforeChildren - childAmount);
        var afterRatio = Krw.Floor10((Int128)afterChildren * input.WithholdingRatio, 100);
        var belowMinimum = afterRatio < year.MinimumCollected;
        var incomeTax = belowMinimum ? 0 : afterRatio;
        var localIncomeTax = year.LocalIncomeTaxRate.ApplyFloor10(incomeTax);

        var table = year.SimplifiedTable;
        return new KoreaWithholding(
            pension,
            health,
            longTermCare,
            employment,
            incomeTax,
            localIncomeTax,
            pay,
            nonTaxable,
            new KoreaTrace(
                year.Source,
                pensionBase,
                bounds.Min,
                bounds.Max,
                year.PensionRate.ToString(),
                healthRate.ToString(),
                healthBeforeBounds,
                year.HealthEmployeeFloor,
                year.HealthEmployeeCap,
                ltcRatio.ToString(),
                year.EmploymentRate.ToString(),
                method,
                row >= 0 ? table.FromThousands[row] : null,
                row >= 0 ? table.ToThousands[row] : null,
                taxBeforeChildren,
                childAmount,
                input.WithholdingRatio,
                afterRatio,
                belowMinimum && afterRatio > 0,
                year.LocalIncomeTaxRate.ToString()));
    }

    /// <summary>
    /// The family's amount before child deductions: the table cell up to 10,000,000 KRW, the 별표2 formula above it, and for
    /// more than 11 dependents the 11-person amount less the 10-to-11 step for each one beyond (비고 4), never below zero.
    /// </summary>
    private static (long Tax, string Method, int Row) TableOrFormula(KoreaYearTable year, long pay, int dependents)
    {
        var table = year.SimplifiedTable;
        var row = table.RowFor(pay);
        if (row < 0)
        {
            return (0, "below-table", -1);
        }

        long ForFamily(int n) => pay > table.TopKrw ? Over10M(year, pay, table.Cell(table.RowCount - 1, n)) : table.Cell(row, n);

        var method = pay > table.TopKrw ? "over-10m-formula" : "table";
        if (dependents <= SimplifiedTaxTable.Columns)
        {
            return (ForFamily(dependents), method, row);
        }

        var eleven = ForFamily(SimplifiedTaxTable.Columns);
        var step = ForFamily(SimplifiedTaxTable.Columns - 1) - eleven;
        return (Math.Max(0, eleven - (step * (dependents - SimplifiedTaxTable.Columns))), method, row);
    }

    /// <summary>T10 + constant + (pay - over) x factor x rate, exact, truncated to 10 KRW like a table cell.</summary>
    private static long Over10M(KoreaYearTable year, long pay, long t10)
    {
        var band = year.Over10M.First(b => b.UpTo is null || pay <= b.UpTo);
        Int128 denominator = (Int128)band.Factor.Denominator * band.Rate.Denominator;
        var numerator = ((Int128)(t10 + band.Constant) * denominator) + ((Int128)(pay - band.AppliedOver) * band.Factor.Numerator * band.Rate.Numerator);
        return Krw.Floor10(numerator, denominator);
    }

    private static void CheckAmount(ref List<Error>? errors, long amount, string field)
    {
        if (amount is < 0 or > MaxAmount)
        {
            Add(ref errors, KoreaErrors.AmountOutOfRange(field));
        }
    }

    private static void Add(ref List<Error>? errors, Error error) => (errors ??= []).Add(error);
}
