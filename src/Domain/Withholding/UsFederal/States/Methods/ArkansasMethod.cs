using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// Arkansas's formula method: net taxable income snapped to the $50 midpoint of its $100 bracket below the snap ceiling,
/// taxed as rate x income less the printed subtraction, the annual tax rounded to the dollar, less $29 per AR4EC exemption.
/// </summary>
public sealed class ArkansasMethod(StateParams parameters) : IStateMethod
{
    private readonly decimal _standardDeduction = parameters.Amount("standardDeduction");
    private readonly decimal _credit = parameters.Amount("creditPerAllowance");
    private readonly decimal _bracket = parameters.Amount("snapBracket");
    private readonly decimal _midpoint = parameters.Amount("snapMidpoint");
    private readonly decimal _snapBelow = parameters.Amount("snapBelow");

    // The printed "rate x income - subtraction" rows, held as brackets whose base column carries the subtraction.
    private readonly Bracket[] _table = parameters.Brackets("table");

    public StateInputs Reads => StateInputs.Allowances;

    public IReadOnlyList<PayFrequency> Frequencies => StatePeriods.All;

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var periods = StatePeriods.Default(context.PayFrequency);
        var annual = trace.Add("annual wages", context.Wages * periods);
        var net = trace.Add("net taxable income", Math.Max(0m, annual - _standardDeduction));
        var snapped = trace.Add("income looked up", net < _snapBelow ? (Math.Floor(net / _bracket) * _bracket) + _midpoint : net);
        var row = _table[0];
        foreach (var candidate in _table)
        {
            if (candidate.Over <= snapped)
            {
                row = candidate;
            }
        }

        var gross = trace.Add("gross annual tax", StateRounding.Round(Math.Max(0m, (snapped * row.Rate) - row.Base), 1m));
        var tax = trace.Add("net annual tax", Math.Max(0m, gross - (context.Certificate.Allowances * _credit)));
        return StateRounding.Round(trace.Add("period tax", tax / periods), context.FinalRounding);
    }
}
