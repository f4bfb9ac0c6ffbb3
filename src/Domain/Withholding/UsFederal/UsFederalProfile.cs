using PayrollPortal.Domain.Regimes;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>
/// A us-federal employee's tax profile: the W-4 history, append-only by effective date so an old payroll recomputes with
/// the form in effect on its pay date, and the claim of exemption from federal income tax withholding (FICA still applies);
/// and the work state with its state certificate, effective-dated the same way (empty for an employee without one).
/// </summary>
public sealed class UsFederalProfile : IEmployeeTaxProfile
{
    private readonly List<EmployeeW4> _history;
    private readonly List<EmployeeStateCertificate> _states;

    public UsFederalProfile(bool exempt, IEnumerable<EmployeeW4> history, IEnumerable<EmployeeStateCertificate>? states = null)
    {
        Exempt = exempt;
        _history = [.. history.OrderBy(w => w.EffectiveDate)];
        _states = [.. (states ?? []).OrderBy(s => s.EffectiveDate)];
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
    public EmployeeW4? W4On(DateOnly date) => LatestOn(_history, date, w => w.EffectiveDate);

    public IReadOnlyList<EmployeeStateCertificate> StateHistory => _states;

    public EmployeeStateCertificate? CurrentState => _states.Count == 0 ? null : _states[^1];

    /// <summary>The work state and certificate in effect on a date: the latest entry effective on or before it.</summary>
    public EmployeeStateCertificate? StateOn(DateOnly date) => LatestOn(_states, date, s => s.EffectiveDate);

    /// <summary>Records a work state and certificate from a date on. A second change with the same effective date replaces the first.</summary>
    public void ChangeState(string? workState, StateCertificate certificate, DateOnly effectiveDate)
    {
        Record(_states, new EmployeeStateCertificate(effectiveDate, workState, certificate), s => s.EffectiveDate);
    }

    public void ChangeExempt(bool exempt) => Exempt = exempt;

    /// <summary>Records a new W-4 from a date on. A second change with the same effective date replaces the first.</summary>
    public void ChangeW4(FormW4 form, DateOnly effectiveDate)
    {
        Record(_history, new EmployeeW4(effectiveDate, form), w => w.EffectiveDate);
    }

    // Both histories are effective-dated the same way: the latest entry on or before a date applies, and an entry for a
    // date already recorded replaces it.
    private static T? LatestOn<T>(List<T> history, DateOnly date, Func<T, DateOnly> effective)
        where T : class
    {
        T? found = null;
        foreach (var entry in history)
        {
            if (effective(entry) <= date)
            {
                found = entry;
            }
        }

        return found;
    }

    private static void Record<T>(List<T> history, T entry, Func<T, DateOnly> effective)
    {
        var date = effective(entry);
        history.RemoveAll(e => effective(e) == date);
        history.Add(entry);
        history.Sort((a, b) => effective(a).CompareTo(effective(b)));
    }
}
