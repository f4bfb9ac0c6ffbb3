using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// New York State Method II (exact calculation, NYS-50-T-NYS), with the Method III top-rate computation at and above each
/// table's printed cutover. Quarterly and semiannual pay compute at the monthly tables on wages divided by 3 or 6, the
/// monthly amount then multiplied back (the publication's conversion rule).
/// </summary>
public sealed class NewYorkMethod : IStateMethod
{
    private readonly Dictionary<PayFrequency, StatusTable<decimal>> _deduction;
    private readonly Dictionary<PayFrequency, decimal> _exemption;
    private readonly Dictionary<PayFrequency, StatusTable<Bracket[]>> _brackets;
    private readonly Dictionary<PayFrequency, StatusTable<decimal>> _cutover;
    private readonly StatusTable<Bracket[]> _methodIII;
    private readonly Dictionary<PayFrequency, (PayFrequency Table, int Factor)> _converted;

    public NewYorkMethod(StateParams parameters)
    {
        _deduction = parameters.ByFrequency("deduction", (e, n) => StateParams.ReadByStatus(e, n, StateParams.ReadDecimal));
        _exemption = parameters.ByFrequency("exemptionValue", StateParams.Parse);
        _brackets = parameters.ByFrequency("brackets", (e, n) => StateParams.ReadByStatus(e, n, StateParams.ReadBrackets));
        _cutover = parameters.ByFrequency("methodIIICutover", (e, n) => StateParams.ReadByStatus(e, n, StateParams.ReadDecimal));
        _methodIII = parameters.ByStatus("methodIII", StateParams.ReadBrackets);
        _converted = parameters.ByFrequency("convertedFrequencies", (e, n) => (StateParams.ParseFrequency(e[0].GetString()!), (int)StateParams.Parse(e[1], n)));
        Frequencies = StatePeriods.All.Where(f => _brackets.ContainsKey(f) || _converted.ContainsKey(f)).ToArray();
    }

    public StateInputs Reads => StateInputs.FilingStatus | StateInputs.Allowances;

    public IReadOnlyList<PayFrequency> Frequencies { get; }

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var frequency = context.PayFrequency;
        var wages = context.Wages;
        var factor = 1;
        if (_converted.TryGetValue(frequency, out var conversion))
        {
            frequency = conversion.Table;
            factor = conversion.Factor;
            wages = trace.Add("wages at the table's period", wages / factor);
        }

        var status = context.FilingStatus;
        var deduction = trace.Add("deduction and exemptions", _deduction[frequency].Get(status) + (context.Certificate.Allowances * _exemption[frequency]));
        var net = trace.Add("net wages", Math.Max(0m, wages - deduction));
        decimal tax;
        if (net >= _cutover[frequency].Get(status))
        {
            // Method III: the flat top rate on the annualized net wages; the per-period cutover, not the annual note, decides.
            var periods = StatePeriods.Default(frequency);
            var annualized = trace.Add("annualized net wages (Method III)", net * periods);
            var bands = _methodIII.Get(status);
            var rate = bands[0].Rate;
            foreach (var band in bands)
            {
                if (band.Over <= annualized)
                {
                    rate = band.Rate;
                }
            }

            tax = StateRounding.Cents(trace.Add("Method III tax", annualized * rate / periods));
        }
        else
        {
            tax = StateRounding.Cents(trace.Add("Method II tax", Brackets.Tax(_brackets[frequency].Get(status), net)));
        }

        return StateRounding.Round(Math.Max(0m, tax * factor), context.FinalRounding);
    }
}
