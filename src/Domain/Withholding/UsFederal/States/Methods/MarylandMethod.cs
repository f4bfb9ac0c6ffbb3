using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// Maryland's per-period schedules, one per combined state and county rate: nothing below the printed floor on gross
/// wages, then wages less the printed standard deduction and exemptions through the schedule of the employee's status
/// group. The schedule is the employer's legal determination, so it is required, never defaulted.
/// </summary>
public sealed class MarylandMethod : IStateMethod
{
    public const string ResidentInDelaware = "md_resident_in_de";
    private readonly Dictionary<PayFrequency, decimal> _exemption;
    private readonly Dictionary<PayFrequency, decimal> _standard;
    private readonly Dictionary<PayFrequency, decimal> _floor;
    private readonly Dictionary<string, string> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<PayFrequency, Dictionary<string, Bracket[]>>> _schedules = new(StringComparer.Ordinal);

    public MarylandMethod(StateParams parameters)
    {
        _exemption = parameters.ByFrequency("exemptionPerPeriod", StateParams.Parse);
        _standard = parameters.ByFrequency("standardDeductionPerPeriod", StateParams.Parse);
        _floor = parameters.ByFrequency("noWithholdingFloor", StateParams.Parse);
        foreach (var group in parameters.Child("statusGroups").Element.EnumerateObject())
        {
            foreach (var status in group.Value.EnumerateArray())
            {
                _groups[status.GetString()!] = group.Name;
            }
        }

        foreach (var schedule in parameters.Child("schedules").Element.EnumerateObject())
        {
            var byFrequency = new Dictionary<PayFrequency, Dictionary<string, Bracket[]>>();
            foreach (var frequency in schedule.Value.EnumerateObject())
            {
                byFrequency[StateParams.ParseFrequency(frequency.Name)] = frequency.Value.EnumerateObject()
                    .ToDictionary(g => g.Name, g => StateParams.ReadBrackets(g.Value, $"schedules.{schedule.Name}.{frequency.Name}"), StringComparer.Ordinal);
            }

            _schedules[schedule.Name] = byFrequency;
        }

        Schedules = _schedules.Keys.Order(StringComparer.Ordinal).ToArray();
        Frequencies = StatePeriods.All.Where(f => _schedules.Values.All(s => s.ContainsKey(f))).ToArray();
    }

    public IReadOnlyList<string> Schedules { get; }

    public StateInputs Reads => StateInputs.FilingStatus | StateInputs.Allowances | StateInputs.RateSchedule | StateInputs.MdResidentInDe;

    public IReadOnlyList<PayFrequency> Frequencies { get; }

    public bool CoversStatus(string status) => _groups.ContainsKey(status);

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
        if (certificate.MdResidentInDe)
        {
            if (certificate.RateSchedule is { } schedule && schedule != ResidentInDelaware)
            {
                errors.Add(StateErrors.NotAllowed("state.rateSchedule", schedule, [ResidentInDelaware], "a Maryland resident working in Delaware uses that schedule"));
            }

            return;
        }

        if (certificate.RateSchedule is null)
        {
            errors.Add(StateErrors.Required("state.rateSchedule", Schedules));
        }
        else if (!_schedules.ContainsKey(certificate.RateSchedule))
        {
            errors.Add(StateErrors.NotAllowed("state.rateSchedule", certificate.RateSchedule, Schedules));
        }
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var frequency = context.PayFrequency;
        var floor = trace.Add("no-withholding floor", _floor[frequency]);
        if (context.Wages < floor)
        {
            trace.Note("Gross wages under the printed floor: no tax withheld.");
            return 0m;
        }

        var schedule = context.Certificate.MdResidentInDe ? ResidentInDelaware : context.Certificate.RateSchedule!;
        var standard = trace.Add("standard deduction", _standard[frequency]);
        var exemptions = trace.Add("exemptions", context.Certificate.Allowances * _exemption[frequency]);
        var taxable = trace.Add("taxable wages", Math.Max(0m, context.Wages - standard - exemptions));
        var brackets = _schedules[schedule][frequency][_groups[context.FilingStatus!]];
        return StateRounding.Round(trace.Add("tax", Brackets.Tax(brackets, taxable)), context.FinalRounding);
    }
}
