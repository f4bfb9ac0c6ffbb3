using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// Massachusetts Circular M percentage method: period wages less this period's FICA withheld (within the $2,000 yearly
/// cap, tracked year to date), less the exemption factor, annualized through 5% and the surtax rate; head of household
/// and blindness subtract from the period tax; no withholding under the low-income floor when claiming exemptions.
/// </summary>
public sealed class MassachusettsMethod : IStateMethod
{
    private readonly decimal _cap;
    private readonly Dictionary<PayFrequency, decimal[]> _factors;
    private readonly Bracket[] _brackets;
    private readonly Dictionary<PayFrequency, decimal> _headOfHousehold;
    private readonly Dictionary<PayFrequency, decimal> _blindness;
    private readonly Dictionary<PayFrequency, decimal> _floor;

    public MassachusettsMethod(StateParams parameters)
    {
        _cap = parameters.Amount("retirementDeductionCap");
        _factors = parameters.ByFrequency("exemptionFactors", (e, n) => e.EnumerateArray().Select(v => StateParams.Parse(v, n)).ToArray());
        _brackets = parameters.Brackets("brackets");
        _headOfHousehold = parameters.ByFrequency("headOfHouseholdTaxValue", StateParams.Parse);
        _blindness = parameters.ByFrequency("blindnessTaxValue", StateParams.Parse);
        _floor = parameters.ByFrequency("lowIncomeFloor", StateParams.Parse);
        Frequencies = StatePeriods.All.Where(_factors.ContainsKey).ToArray();
    }

    public StateInputs Reads => StateInputs.FilingStatus | StateInputs.Allowances | StateInputs.SecondaryAllowances
        | StateInputs.PeriodFicaWithholding | StateInputs.RetirementDeductionUsedYtd;

    public IReadOnlyList<PayFrequency> Frequencies { get; }

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var frequency = context.PayFrequency;
        var exemptions = context.Certificate.Allowances;
        if (exemptions >= 1 && context.Wages < _floor[frequency])
        {
            trace.Note("Wages below the low-income floor with an exemption claimed: no tax withheld.");
            return 0m;
        }

        var remaining = Math.Max(0m, _cap - context.RetirementDeductionUsedYtd);
        var retirement = trace.Add("FICA and retirement deduction", Math.Min(context.PeriodFicaWithholding, remaining));
        var factor = _factors[frequency];
        var exemption = exemptions switch
        {
            0 => 0m,
            1 => factor[0],
            _ => (factor[1] * exemptions) + factor[2],
        };
        trace.Add("exemption amount", exemption);
        var wages = trace.Add("wages less deductions", Math.Max(0m, context.Wages - retirement - exemption));
        var periods = StatePeriods.Default(frequency);
        var annual = trace.Add("annual tax", Brackets.Tax(_brackets, wages * periods));
        var period = trace.Add("period tax", annual / periods);
        if (context.FilingStatus == "head_of_household")
        {
            period = trace.Add("less head of household", period - _headOfHousehold[frequency]);
        }

        if (context.Certificate.SecondaryAllowances > 0)
        {
            period = trace.Add("less blindness", period - (_blindness[frequency] * context.Certificate.SecondaryAllowances));
        }

        return StateRounding.Round(Math.Max(0m, period), context.FinalRounding);
    }
}
