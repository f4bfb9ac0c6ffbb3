namespace PayrollPortal.Application.Payslips;

/// <summary>One figure of a payslip with its year-to-date total, in the currency's scale.</summary>
/// <param name="Calculation">How an amount that depends on hours or days was made (hours × rate, proration days); else null.</param>
public sealed record PayslipItemDto(string Key, string Label, decimal Amount, decimal YearToDate, string? Calculation);
