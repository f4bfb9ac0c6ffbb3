using System.Globalization;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

/// <summary>The employee elects a rate from the printed list (AZ Form A-4); without an election the employer default applies.</summary>
public sealed class ElectedRateMethod(StateParams parameters) : IStateMethod
{
    private readonly decimal[] _allowed = parameters.Strings("allowedRates").Select(r => decimal.Parse(r, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)).ToArray();
    private readonly decimal _default = parameters.Amount("defaultRate");

    public StateInputs Reads => StateInputs.ElectedRate;

    public IReadOnlyList<PayFrequency> Frequencies => StatePeriods.All;

    public IReadOnlyList<decimal> AllowedRates => _allowed;

    public void Validate(StateCertificate certificate, List<Error> errors)
    {
        if (certificate.ElectedRate is { } rate && !_allowed.Contains(rate))
        {
            errors.Add(StateErrors.NotAllowed("state.electedRate", rate.ToString(CultureInfo.InvariantCulture), _allowed.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture))));
        }
    }

    public decimal Calculate(in StateContext context, StateTrace trace)
    {
        var rate = context.Certificate.ElectedRate ?? _default;
        if (context.Certificate.ElectedRate is null)
        {
            trace.Note("No elected rate: the employer default rate applies.");
        }

        trace.Add("rate", rate);
        return StateRounding.Round(trace.Add("tax", context.Wages * rate), context.FinalRounding);
    }
}
