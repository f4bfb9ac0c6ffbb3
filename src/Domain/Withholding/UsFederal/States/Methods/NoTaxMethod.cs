using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>A state that taxes no wages: nothing is withheld, not even additional withholding (there is no state return to credit it to).</summary>
public sealed class NoTaxMethod : IStateMethod
{
    public StateInputs Reads => StateInputs.None;

    public IReadOnlyList<PayFrequency> Frequencies => StatePeriods.All;

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        trace.Note("This state taxes no wages: no state income tax is withheld.");
        return 0m;
    }
}
