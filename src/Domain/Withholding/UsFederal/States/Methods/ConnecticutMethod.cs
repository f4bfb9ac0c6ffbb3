using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// Connecticut TPG-211: annual salary less the Table A exemption, Table B tax, plus the Table C add-back and Table D
/// recapture, times one less the Table E credit decimal; every range table keyed on salary with an exclusive lower bound.
/// </summary>
public sealed class ConnecticutMethod : IStateMethod
{
    private readonly Dictionary<string, (RangeRow[] Exemptions, Bracket[] Brackets, RangeRow[] AddBack, RangeRow[] Recapture, RangeRow[] Credits)> _codes = new(StringComparer.Ordinal);

    public ConnecticutMethod(StateParams parameters)
    {
        foreach (var code in parameters.Child("codes").Element.EnumerateObject())
        {
            var c = new StateParams(code.Value);
            _codes[code.Name] = (c.Ranges("exemptions"), c.Brackets("brackets"), c.Ranges("addBack"), c.Ranges("recapture"), c.Ranges("credits"));
        }
    }

    public StateInputs Reads => StateInputs.FilingStatus;

    public IReadOnlyList<PayFrequency> Frequencies => StatePeriods.All;

    public bool CoversStatus(string status) => _codes.ContainsKey(status);

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var code = _codes[context.FilingStatus!];
        var periods = StatePeriods.Default(context.PayFrequency);
        var salary = trace.Add("annual salary", context.Wages * periods);
        var exemption = trace.Add("exemption", Brackets.MoreThan(code.Exemptions, salary));
        var taxable = trace.Add("taxable income", salary - exemption);
        if (taxable <= 0)
        {
            return 0m;
        }

        var initial = trace.Add("initial tax", Brackets.Tax(code.Brackets, taxable));
        var addBack = trace.Add("add-back", Brackets.MoreThan(code.AddBack, salary));
        var recapture = trace.Add("recapture", Brackets.MoreThan(code.Recapture, salary));
        var credit = trace.Add("personal tax credit", Brackets.MoreThan(code.Credits, salary));
        var annual = trace.Add("annual tax", (initial + addBack + recapture) * (1m - credit));
        return StateRounding.Round(trace.Add("period tax", annual / periods), context.FinalRounding);
    }
}
