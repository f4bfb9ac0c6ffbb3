namespace PayrollPortal.Application.Regimes;

/// <summary>
/// One figure of a payslip: its section, a key that stays the same from payroll to payroll (the year-to-date figure sums
/// the items with the same key), the label people read, the amount in minor units and, for an amount that depends on
/// hours or days, how it was calculated.
/// </summary>
public sealed record PayslipItem(PayslipSection Section, string Key, string Label, long Amount, string? Calculation = null);
