using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

public static class PayslipErrors
{
    public static readonly Error NotFound = Error.NotFound("payslip.not_found", "The payroll has no line for this employee.");

    public static readonly Error PayrollDraft = Error.Conflict(
        "payslip.payroll_draft", "The payroll is a draft, so its payslips are not final. Approve it first, or ask for ?preview=true (watermarked DRAFT).");

    public static readonly Error PayrollVoided = Error.Conflict(
        "payslip.payroll_voided", "The payroll was voided, so its payslips do not stand. Ask for ?preview=true to see one watermarked VOID.");
}
