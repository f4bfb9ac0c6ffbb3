using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Payslips;

/// <summary>A payslip ready to render: its figures, the regime's labels, the watermark of a preview, and its file name.</summary>
/// <param name="Watermark"><c>DRAFT</c> or <c>VOID</c> for a preview of a payroll that is not (or no longer) approved; else null.</param>
public sealed record PayslipDocument(PayslipDto Payslip, PayslipLabels Labels, string? Watermark, string FileName);
