using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// Utah Publication 14: the flat rate on wages less a per-period credit that phases out above a threshold; every
/// worksheet line rounded to the dollar, as the printed examples do. Head of household uses the single schedule.
/// </summary>
public sealed class UtahMethod : IStateMethod
{
    private readonly decimal _rate;
    private readonly decimal _phaseRate;
    private readonly Dictionary<string, string> _statusSchedule = new(StringComparer.Ordinal);
    private readonly Dictionary<PayFrequency, Dictionary<string, decimal[]>> _schedules;

    public UtahMethod(StateParams parameters)
    {
        _rate = parameters.Amount("rate");
        _phaseRate = parameters.Amount("phaseRate");
        foreach (var status in parameters.Child("statusSchedule").Element.EnumerateObject())
        {
            _statusSchedule[status.Name] = status.Value.GetString()!;
        }

        _schedules = parameters.ByFrequency("schedules", static (e, n) => e.EnumerateObject().ToDictionary(s => s.Name, s => s.Value.EnumerateArray().Select(v => StateParams.Parse(v, n)).ToArray()));
        Frequencies = StatePeriods.All.Where(_schedules.ContainsKey).ToArray();
    }

    public StateInputs Reads => StateInputs.FilingStatus;

    public IReadOnlyList<PayFrequency> Frequencies { get; }

    public bool CoversStatus(string status) => _statusSchedule.ContainsKey(status);

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var schedule = _schedules[context.PayFrequency][_statusSchedule[context.FilingStatus!]];
        var (allowance, phaseStart) = (schedule[0], schedule[1]);
        var tentative = trace.Add("tentative tax", StateRounding.Round(context.Wages * _rate, 1m));
        var reduction = trace.Add("allowance reduction", StateRounding.Round(_phaseRate * Math.Max(0m, context.Wages - phaseStart), 1m));
        var credit = trace.Add("withholding allowance", Math.Max(0m, allowance - reduction));
        return StateRounding.Round(Math.Max(0m, tentative - credit), context.FinalRounding);
    }
}
