using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// The percentage method computed at the pay period itself, from the per-frequency tables a state prints (KS, LA, MT,
/// NJ, NM, OK, RI, VT, IA). Annual deductions are divided per period and rounded to the cent, as the worksheets print
/// them; a frequency with no printed table is refused, never interpolated.
/// </summary>
public sealed class PerPeriodMethod : IStateMethod
{
    private readonly StatusTable<decimal>? _standardDeduction;
    private readonly decimal _allowance;
    private readonly Dictionary<PayFrequency, decimal>? _allowancePerPeriod;
    private readonly decimal? _cliff;
    private readonly decimal _creditPerAllowance;
    private readonly bool _electedIsCredit;
    private readonly Dictionary<PayFrequency, StatusTable<Bracket[]>> _brackets = [];

    public PerPeriodMethod(StateParams parameters)
    {
        _standardDeduction = parameters.Has("standardDeduction") ? parameters.ByStatus("standardDeduction", StateParams.ReadDecimal) : null;
        _allowance = parameters.DecimalOr("allowanceAmount", 0m);
        _allowancePerPeriod = parameters.Has("allowancePerPeriod") ? parameters.ByFrequency("allowancePerPeriod", StateParams.Parse) : null;
        _cliff = parameters.Has("allowanceCliffAnnualWages") ? parameters.Amount("allowanceCliffAnnualWages") : null;
        _creditPerAllowance = parameters.DecimalOr("creditPerAllowance", 0m);
        _electedIsCredit = parameters.Bool("electedAmountIsCredit");

        // "*" is one schedule printed for every listed frequency (a flat rate needs no per-frequency table).
        var brackets = parameters.Child("brackets");
        if (brackets.Has("*"))
        {
            var every = StateParams.ReadByStatus(brackets.Element.GetProperty("*"), "brackets.*", StateParams.ReadBrackets);
            foreach (var name in parameters.Strings("frequencies"))
            {
                _brackets[StateParams.ParseFrequency(name)] = every;
            }
        }
        else
        {
            foreach (var (frequency, table) in parameters.ByFrequency("brackets", (e, n) => StateParams.ReadByStatus(e, n, StateParams.ReadBrackets)))
            {
                _brackets[frequency] = table;
            }
        }

        Frequencies = StatePeriods.All.Where(_brackets.ContainsKey).ToArray();
        Reads = StateInputs.FilingStatus
            | (_allowance > 0 || _allowancePerPeriod is not null || _creditPerAllowance > 0 ? StateInputs.Allowances : StateInputs.None)
            | (_electedIsCredit ? StateInputs.ElectedAnnualAmount : StateInputs.None);
    }

    public StateInputs Reads { get; }

    public IReadOnlyList<PayFrequency> Frequencies { get; }

    public IEnumerable<StatusTable<Bracket[]>> BracketTables => _brackets.Values;

    public bool CoversStatus(string? status) =>
        _brackets.Values.All(t => t.Covers(status)) && (_standardDeduction?.Covers(status) ?? true);

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var certificate = context.Certificate;
        var periods = StatePeriods.Default(context.PayFrequency);
        var reduction = StateRounding.Cents(((_standardDeduction?.Get(context.FilingStatus) ?? 0m) + (certificate.Allowances * _allowance)) / periods);
        var allowances = _allowancePerPeriod is { } perPeriod ? certificate.Allowances * perPeriod[context.PayFrequency] : 0m;
        if (_cliff is { } cliff && context.Wages * periods > cliff && allowances > 0)
        {
            trace.Note("Annualized wages exceed the exemption cliff: the exemptions are worth nothing.");
            allowances = 0m;
        }

        trace.Add("deductions", reduction + allowances);
        var net = trace.Add("net wages", Math.Max(0m, context.Wages - reduction - allowances));
        var tax = trace.Add("tax", Brackets.Tax(_brackets[context.PayFrequency].Get(context.FilingStatus), net));
        if (_creditPerAllowance > 0 || _electedIsCredit)
        {
            var credit = trace.Add("credits", ((certificate.Allowances * _creditPerAllowance) + (certificate.ElectedAnnualAmount ?? 0m)) / periods);
            tax = trace.Add("tax less credits", Math.Max(0m, tax - credit));
        }

        return StateRounding.Round(tax, context.FinalRounding);
    }
}
