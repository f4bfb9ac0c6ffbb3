using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>
/// A kr employee's profile history, kept like the W-4's: a payroll recomputes with the <see cref="KoreaProfile"/> in effect
/// on its pay date.
/// </summary>
public sealed class KoreaEmployeeProfile : IEmployeeTaxProfile
{
    private readonly List<KoreaProfile> _history;

    public KoreaEmployeeProfile(IEnumerable<KoreaProfile> history)
    {
        _history = [.. history.OrderBy(p => p.EffectiveDate)];
        if (_history.Count == 0)
        {
            throw new ArgumentException("A kr profile history has at least one entry.", nameof(history));
        }
    }

    public string Regime => KoreaRegime.RegimeCode;

    public IReadOnlyList<KoreaProfile> History => _history;

    public KoreaProfile Current => _history[^1];

    /// <summary>The profile in effect on a date: the latest effective on or before it.</summary>
    public KoreaProfile? On(DateOnly date) => _history.LastOrDefault(p => p.EffectiveDate <= date);

    /// <summary>A second change with the same effective date replaces the first.</summary>
    public void Change(KoreaProfile profile)
    {
        _history.RemoveAll(p => p.EffectiveDate == profile.EffectiveDate);
        _history.Add(profile);
        _history.Sort((a, b) => a.EffectiveDate.CompareTo(b.EffectiveDate));
    }
}
