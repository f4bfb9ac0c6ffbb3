namespace PayrollPortal.Application.Payslips;

/// <summary>A payslip's section (<c>earnings</c>, <c>preTaxDeductions</c>, <c>taxes</c>, <c>postTaxDeductions</c>) and its items.</summary>
public sealed record PayslipSectionDto(string Key, string Title, IReadOnlyList<PayslipItemDto> Items, decimal Total, decimal TotalYearToDate);
