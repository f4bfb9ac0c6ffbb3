using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// Oregon's computer formulas (150-206-436): annual wages less the federal income tax withheld (capped, the cap stepping
/// down at high wages) and the standard deduction, through the wage tier's printed formulas, the annual tax rounded to
/// the dollar, less $263 per allowance (worth nothing above the status's wage limit). A single employee with three or
/// more allowances uses the married formulas but keeps the single phase-out.
/// </summary>
public sealed class OregonMethod : IStateMethod
{
    private readonly decimal _credit;
    private readonly int _singleUsesMarriedFrom;
    private readonly Dictionary<string, (decimal ZeroAbove, RangeRow[] Cap)> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Deduction, (decimal WagesAtLeast, decimal[][] Formulas)[] Tiers)> _groups = new(StringComparer.Ordinal);

    public OregonMethod(StateParams parameters)
    {
        _credit = parameters.Amount("creditPerAllowance");
        _singleUsesMarriedFrom = parameters.IntOr("singleWithAllowancesUsesMarriedFrom", int.MaxValue);
        foreach (var status in parameters.Child("statuses").Element.EnumerateObject())
        {
            var s = new StateParams(status.Value);
            _statuses[status.Name] = (s.Amount("allowanceZeroAbove"), s.Ranges("federalSubtractionCap"));
        }

        foreach (var group in parameters.Child("groups").Element.EnumerateObject())
        {
            var g = new StateParams(group.Value);
            var tiers = group.Value.GetProperty("wageTiers").EnumerateArray()
                .Select(t => (StateParams.Parse(t.GetProperty("wagesAtLeast"), "wagesAtLeast"),
                    t.GetProperty("formulas").EnumerateArray().Select(r => r.EnumerateArray().Select(v => StateParams.Parse(v, "formulas")).ToArray()).ToArray()))
                .ToArray();
            _groups[group.Name] = (g.Amount("standardDeduction"), tiers);
        }
    }

    public StateInputs Reads => StateInputs.FilingStatus | StateInputs.Allowances | StateInputs.PeriodFederalIncomeTax;

    public IReadOnlyList<PayFrequency> Frequencies => StatePeriods.All;

    public bool CoversStatus(string status) => _statuses.ContainsKey(status);

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var periods = StatePeriods.Default(context.PayFrequency);
        var status = _statuses[context.FilingStatus!];
        var allowances = context.Certificate.Allowances;
        var group = _groups[context.FilingStatus == "single" && allowances < _singleUsesMarriedFrom ? "single_under_3" : "married_or_single_3plus"];

        var wages = trace.Add("annual wages", context.Wages * periods);
        var federal = trace.Add("federal tax subtraction", Math.Min(context.PeriodFederalIncomeTax * periods, Brackets.AtLeast(status.Cap, wages)));
        var baseAmount = trace.Add("base", Math.Max(0m, wages - federal - group.Deduction));
        var formulas = group.Tiers[0].Formulas;
        foreach (var tier in group.Tiers)
        {
            if (tier.WagesAtLeast <= wages)
            {
                formulas = tier.Formulas;
            }
        }

        // Rows are [at least, base, rate, excess over]: the subtrahend differs from the row's bound in the high tier.
        var row = formulas[0];
        foreach (var candidate in formulas)
        {
            if (candidate[0] <= baseAmount)
            {
                row = candidate;
            }
        }

        var tax = trace.Add("annual tax", StateRounding.Round(row[1] + ((baseAmount - row[3]) * row[2]), 1m));
        if (wages > status.ZeroAbove && allowances > 0)
        {
            trace.Note("Annual wages above the allowance limit: allowances are worth nothing.");
            allowances = 0;
        }

        tax = trace.Add("annual tax less credits", Math.Max(0m, tax - (allowances * _credit)));
        return StateRounding.Round(trace.Add("period tax", tax / periods), context.FinalRounding);
    }
}
