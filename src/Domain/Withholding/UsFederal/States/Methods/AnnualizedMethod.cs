using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// The annualized percentage method most state guides print: annualize, subtract the standard deduction (fixed, phased
/// out, or a percentage of wages), the allowances, run the brackets, subtract per-allowance credits, de-annualize.
/// Every piece is optional and comes from the file; which pieces a state uses is data, not code.
/// </summary>
public sealed class AnnualizedMethod : IStateMethod
{
    private readonly StatusTable<decimal>? _standardDeduction;
    private readonly StatusTable<decimal[]>? _phaseout;
    private readonly decimal _percentRate;
    private readonly decimal _percentCap;
    private readonly bool _percentNeedsAllowances;
    private readonly decimal _allowance;
    private readonly decimal _secondaryAllowance;
    private readonly decimal _creditPerAllowance;
    private readonly bool _electedReducesWages;
    private readonly decimal? _annualRounding;
    private readonly StatusTable<Bracket[]> _brackets;
    private readonly Dictionary<PayFrequency, int> _periods = [];

    public AnnualizedMethod(StateParams parameters, decimal? annualRounding)
    {
        _standardDeduction = parameters.Has("standardDeduction") ? parameters.ByStatus("standardDeduction", StateParams.ReadDecimal) : null;
        _phaseout = parameters.Has("deductionPhaseout")
            ? parameters.ByStatus("deductionPhaseout", (e, n) => e.EnumerateArray().Select(v => StateParams.Parse(v, n)).ToArray())
            : null;
        if (parameters.Has("percentDeduction"))
        {
            var percent = parameters.Child("percentDeduction");
            _percentRate = percent.Amount("rate");
            _percentCap = percent.Amount("cap");
            _percentNeedsAllowances = percent.Bool("requiresAllowances");
        }

        _allowance = parameters.DecimalOr("allowanceAmount", 0m);
        _secondaryAllowance = parameters.DecimalOr("secondaryAllowanceAmount", 0m);
        MaxSecondaryAllowances = parameters.IntOr("maxSecondaryAllowances", StateWithholdingEngine.MaxAllowances);
        _creditPerAllowance = parameters.DecimalOr("creditPerAllowance", 0m);
        _electedReducesWages = parameters.Bool("electedAmountReducesWages");
        _annualRounding = annualRounding;
        _brackets = parameters.ByStatus("brackets", StateParams.ReadBrackets);
        foreach (var frequency in StatePeriods.All)
        {
            _periods[frequency] = StatePeriods.Default(frequency);
        }

        if (parameters.Has("periodsPerYear"))
        {
            foreach (var (frequency, periods) in parameters.ByFrequency("periodsPerYear", (e, n) => (int)StateParams.Parse(e, n)))
            {
                _periods[frequency] = periods;
            }
        }

        Reads = (_allowance > 0 || _creditPerAllowance > 0 || _percentNeedsAllowances ? StateInputs.Allowances : StateInputs.None)
            | (_secondaryAllowance > 0 ? StateInputs.SecondaryAllowances : StateInputs.None)
            | (_electedReducesWages ? StateInputs.ElectedAnnualAmount : StateInputs.None)
            | StateInputs.FilingStatus;
    }

    public StateInputs Reads { get; }

    public int MaxSecondaryAllowances { get; }

    public IReadOnlyList<PayFrequency> Frequencies => StatePeriods.All;

    public StatusTable<Bracket[]> BracketTables => _brackets;

    public bool CoversStatus(string? status) =>
        _brackets.Covers(status) && (_standardDeduction?.Covers(status) ?? true) && (_phaseout?.Covers(status) ?? true);

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
        if (certificate.SecondaryAllowances > MaxSecondaryAllowances)
        {
            errors.Add(StateErrors.NotAllowed("state.secondaryAllowances", certificate.SecondaryAllowances.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Enumerable.Range(0, MaxSecondaryAllowances + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var certificate = context.Certificate;
        var periods = _periods[context.PayFrequency];
        trace.Add("pay periods", periods);
        var annualWages = trace.Add("annual wages", context.Wages * periods);

        var deduction = _standardDeduction?.Get(context.FilingStatus) ?? 0m;
        if (_phaseout?.Get(context.FilingStatus) is [var maximum, var start, var rate])
        {
            deduction = annualWages < start ? maximum : Math.Max(0m, maximum - (rate * (annualWages - start)));
        }

        if (_percentRate > 0 && !(_percentNeedsAllowances && certificate.Allowances == 0))
        {
            deduction += Math.Min(_percentRate * annualWages, _percentCap);
        }

        trace.Add("standard deduction", deduction);
        var allowances = trace.Add("allowances", (certificate.Allowances * _allowance) + (certificate.SecondaryAllowances * _secondaryAllowance));
        var elected = _electedReducesWages ? trace.Add("elected exemption", certificate.ElectedAnnualAmount ?? 0m) : 0m;
        var taxable = trace.Add("annual taxable wages", Math.Max(0m, annualWages - deduction - allowances - elected));

        var annualTax = Brackets.Tax(_brackets.Get(context.FilingStatus), taxable);
        if (_annualRounding is { } step)
        {
            annualTax = StateRounding.Round(annualTax, step);
        }

        trace.Add("annual tax", annualTax);
        if (_creditPerAllowance > 0)
        {
            annualTax = trace.Add("annual tax less credits", Math.Max(0m, annualTax - (certificate.Allowances * _creditPerAllowance)));
        }

        return StateRounding.Round(trace.Add("period tax", annualTax / periods), context.FinalRounding);
    }
}
