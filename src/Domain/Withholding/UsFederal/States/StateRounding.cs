namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>Half-up ("nearest") to a step of 0.01 or 1, the two steps the publications use.</summary>
public static class StateRounding
{
    public static decimal Round(decimal value, decimal step) =>
        step == 1m ? decimal.Round(value, 0, MidpointRounding.AwayFromZero) : decimal.Round(value / step, 0, MidpointRounding.AwayFromZero) * step;

    /// <summary>To the cent, always carrying two decimal places (12 becomes 12.00), as every amount on the wire does.</summary>
    public static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
