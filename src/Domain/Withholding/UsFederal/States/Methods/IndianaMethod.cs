using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// Indiana Departmental Notice #1: a flat rate on wages less one deduction constant per kind of WH-4 exemption, each
/// rounded to the cent on its own (as the printed tables are); daily divides by 365.
/// </summary>
public sealed class IndianaMethod : IStateMethod
{
    private static readonly IndianaExemptions None = new();
    private readonly decimal _rate;
    private readonly decimal _personal;
    private readonly decimal _dependent;
    private readonly decimal _firstTime;
    private readonly decimal _adopted;
    private readonly Dictionary<PayFrequency, decimal> _periods;

    public IndianaMethod(StateParams parameters)
    {
        _rate = parameters.Amount("rate");
        var exemptions = parameters.Child("exemptions");
        _personal = exemptions.Amount("personal");
        _dependent = exemptions.Amount("dependent");
        _firstTime = exemptions.Amount("firstTimeDependent");
        _adopted = exemptions.Amount("adopted");
        _periods = parameters.ByFrequency("periodsPerYear", StateParams.Parse);
        Frequencies = StatePeriods.All.Where(_periods.ContainsKey).ToArray();
    }

    public StateInputs Reads => StateInputs.Exemptions;

    public IReadOnlyList<PayFrequency> Frequencies { get; }

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var periods = _periods[context.PayFrequency];
        var e = context.Certificate.Exemptions ?? None;
        var constants = StateRounding.Cents(e.Personal * _personal / periods) + StateRounding.Cents(e.Dependent * _dependent / periods)
            + StateRounding.Cents(e.FirstTimeDependent * _firstTime / periods) + StateRounding.Cents(e.Adopted * _adopted / periods);
        trace.Add("deduction constants", constants);
        var taxable = trace.Add("taxable wages", Math.Max(0m, context.Wages - constants));
        return StateRounding.Round(trace.Add("tax", taxable * _rate), context.FinalRounding);
    }
}
