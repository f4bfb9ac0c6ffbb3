using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>
/// A us-federal employee's tax profile: the W-4 history, append-only by effective date so an old payroll recomputes with
/// the form in effect on its pay date, and the claim of exemption from federal income tax withholding (FICA still applies).
/// </summary>
public sealed class UsFederalProfile : IEmployeeTaxProfile
{
    private readonly List<EmployeeW4> _history;

    public UsFederalProfile(bool exempt, IEnumerable<EmployeeW4> history)
    {
        Exempt = exempt;
        _history = [.. history.OrderBy(w => w.EffectiveDate)];
        if (_history.Count == 0)
        {
            throw new ArgumentException("A us-federal profile has at least one W-4.", nameof(history));
        }
    }

    public string Regime => UsFederalRegime.RegimeCode;

    public bool Exempt { get; private set; }

    public IReadOnlyList<EmployeeW4> W4History => _history;

    public EmployeeW4 CurrentW4 => _history[^1];

    /// <summary>The W-4 in effect on a date: the latest entry effective on or before it.</summary>
    public EmployeeW4? W4On(DateOnly date)
    {
        EmployeeW4? found = null;
        foreach (var entry in _history)
        {
            if (entry.EffectiveDate <= date)
            {
                found = entry;
            }
        }

        return found;
    }

    public void ChangeExempt(bool exempt) => Exempt = exempt;

    /// <summary>Records a new W-4 from a date on. A second change with the same effective date replaces the first.</summary>
    public void ChangeW4(FormW4 form, DateOnly effectiveDate)
    {
        _history.RemoveAll(w => w.EffectiveDate == effectiveDate);
        _history.Add(new EmployeeW4(effectiveDate, form));
        _history.Sort((a, b) => a.EffectiveDate.CompareTo(b.EffectiveDate));
    }
}
