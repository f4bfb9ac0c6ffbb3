using PayrollPortal.Application.Withholding.Korea;

namespace PayrollPortal.Application.Payrolls;

/// <summary>Lines computed but not stored: the shape of a payroll's lines and totals, without an id or a status.</summary>
public sealed record PayrollPreviewDto(
    string Regime, string Currency, PayrollTotalsDto Totals, KoreaPayrollTotalsDto? KrTotals, IReadOnlyList<PayrollLineDto> Lines);
