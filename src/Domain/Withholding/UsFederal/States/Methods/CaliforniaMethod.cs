using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// California Method B, exact calculation (EDD DE 44): the low-income exemption (Table 1, a cliff), the estimated-deduction
/// allowances (Table 2), the standard deduction (Table 3), the per-period brackets, less the exemption allowance credit
/// (Table 4). Married splits its column at two regular allowances.
/// </summary>
public sealed class CaliforniaMethod : IStateMethod
{
    private const int PrintedCounts = 10;
    private readonly Dictionary<PayFrequency, decimal[]> _lowIncome;
    private readonly Dictionary<PayFrequency, decimal[]> _standard;
    private readonly Dictionary<PayFrequency, decimal[]> _estimated;
    private readonly Dictionary<PayFrequency, decimal[]> _credit;
    private readonly Dictionary<PayFrequency, StatusTable<Bracket[]>> _brackets;

    public CaliforniaMethod(StateParams parameters)
    {
        static decimal[] Amounts(System.Text.Json.JsonElement e, string n) => e.EnumerateArray().Select(v => StateParams.Parse(v, n)).ToArray();
        _lowIncome = parameters.ByFrequency("lowIncomeExemption", Amounts);
        _standard = parameters.ByFrequency("standardDeduction", Amounts);
        _estimated = parameters.ByFrequency("estimatedDeduction", Amounts);
        _credit = parameters.ByFrequency("exemptionAllowance", Amounts);
        _brackets = parameters.ByFrequency("brackets", (e, n) => StateParams.ReadByStatus(e, n, StateParams.ReadBrackets));
        Frequencies = StatePeriods.All.Where(_brackets.ContainsKey).ToArray();
    }

    public StateInputs Reads => StateInputs.FilingStatus | StateInputs.Allowances | StateInputs.SecondaryAllowances;

    public IReadOnlyList<PayFrequency> Frequencies { get; }

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var frequency = context.PayFrequency;
        var allowances = context.Certificate.Allowances;
        // Tables 1 and 3 print four columns: single, married with 0-1 allowances, married with 2+, head of household.
        var column = context.FilingStatus switch
        {
            "married" => allowances >= 2 ? 2 : 1,
            "head_of_household" => 3,
            _ => 0,
        };

        var threshold = trace.Add("low income exemption", _lowIncome[frequency][column]);
        if (context.Wages <= threshold)
        {
            trace.Note("Wages at or below the low income exemption: no tax withheld.");
            return 0m;
        }

        var estimated = trace.Add("estimated deduction", Lookup(_estimated[frequency], context.Certificate.SecondaryAllowances));
        var standard = trace.Add("standard deduction", _standard[frequency][column]);
        var taxable = trace.Add("taxable income", Math.Max(0m, context.Wages - estimated - standard));
        var tax = trace.Add("computed tax", StateRounding.Cents(Brackets.Tax(_brackets[frequency].Get(context.FilingStatus), taxable)));
        var credit = trace.Add("exemption allowance credit", Lookup(_credit[frequency], allowances));
        return StateRounding.Round(Math.Max(0m, tax - credit), context.FinalRounding);
    }

    // Tables 2 and 4 print counts 1 to 10; beyond that the one-allowance amount times the count (the tables' footnotes).
    private static decimal Lookup(decimal[] printed, int count) =>
        count <= 0 ? 0m : count <= PrintedCounts ? printed[count - 1] : printed[0] * count;
}
