using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>One rate on the period's taxable wages, no allowances (PA REV-415).</summary>
public sealed class FlatRateMethod(StateParams parameters) : IStateMethod
{
    private readonly decimal _rate = parameters.Amount("rate");

    public StateInputs Reads => StateInputs.None;

    public IReadOnlyList<PayFrequency> Frequencies => StatePeriods.All;

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        trace.Add("rate", _rate);
        return StateRounding.Round(trace.Add("tax", context.Wages * _rate), context.FinalRounding);
    }
}
