namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>Half-up ("nearest") to a step of 0.01 or 1, the two steps the publications use.</summary>
public static class StateRounding
{
    public static decimal Round(decimal value, decimal step) =>
        step == 1m ? decimal.Round(value, 0, MidpointRounding.AwayFromZero) : decimal.Round(value / step, 0, MidpointRounding.AwayFromZero) * step;

    public static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
