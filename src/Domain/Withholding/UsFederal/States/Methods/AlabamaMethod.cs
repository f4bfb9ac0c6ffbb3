using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>
/// Alabama's formula (employer booklet p.7): annual gross less the stepped standard deduction (p.8 schedule), the
/// annualized federal income tax withheld (uncapped), the personal exemption of the A-4 claim code and the
/// income-tiered amount per dependent.
/// </summary>
public sealed class AlabamaMethod : IStateMethod
{
    private readonly Dictionary<string, (decimal Personal, RangeRow[] Deduction, Bracket[] Brackets)> _statuses = new(StringComparer.Ordinal);
    private readonly RangeRow[] _dependentTiers;

    public AlabamaMethod(StateParams parameters)
    {
        var deductions = parameters.Child("standardDeductions");
        var brackets = parameters.Child("brackets");
        foreach (var status in parameters.Child("statuses").Element.EnumerateObject())
        {
            var s = new StateParams(status.Value);
            _statuses[status.Name] = (s.Amount("personalExemption"), deductions.Ranges(s.Text("standardDeduction")), brackets.Brackets(s.Text("brackets")));
        }

        _dependentTiers = parameters.Ranges("dependentTiers");
    }

    public StateInputs Reads => StateInputs.FilingStatus | StateInputs.Allowances | StateInputs.PeriodFederalIncomeTax;

    public IReadOnlyList<PayFrequency> Frequencies => StatePeriods.All;

    public bool CoversStatus(string status) => _statuses.ContainsKey(status);

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var (personal, deductionRows, brackets) = _statuses[context.FilingStatus!];
        var periods = StatePeriods.Default(context.PayFrequency);
        var gross = trace.Add("annual gross income", context.Wages * periods);
        var deduction = trace.Add("standard deduction", Brackets.AtLeast(deductionRows, gross));
        var federal = trace.Add("annual federal income tax", context.PeriodFederalIncomeTax * periods);
        trace.Add("personal exemption", personal);
        var dependents = trace.Add("dependent exemption", context.Certificate.Allowances * Brackets.MoreThan(_dependentTiers, gross));
        var taxable = trace.Add("taxable income", Math.Max(0m, gross - deduction - federal - personal - dependents));
        var annual = trace.Add("annual tax", Brackets.Tax(brackets, taxable));
        return StateRounding.Round(trace.Add("period tax", annual / periods), context.FinalRounding);
    }
}
