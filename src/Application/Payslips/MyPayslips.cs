using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// Opens the caller's own payslip of a payroll: the employee record the caller's membership in the company is bound to, or
/// "not found" (never a hint that the company, the payroll or another employee's line exists). Records <c>payslip.viewed</c>.
/// </summary>
public sealed class MyPayslips(ICurrentUser currentUser, PayslipBook book, IAuditTrail audit)
{
    public async Task<Result<PayslipDocument>> OpenAsync(Guid companyId, Guid payrollId, string format, CancellationToken cancellationToken)
    {
        if (!currentUser.Caller.EmployeeBindings.TryGetValue(companyId, out var employeeId))
        {
            return PayslipErrors.NotFound;
        }

        var run = await book.OpenAsync(companyId, payrollId, employeeId, preview: false, cancellationToken);
        if (!run.IsSuccess)
        {
            return run.Errors.Any(e => e.Type == ErrorType.NotFound) ? PayslipErrors.NotFound : Result<PayslipDocument>.Failure(run.Errors);
        }

        await audit.RecordAsync(
            new AuditEntry(AuditActions.PayslipViewed, companyId, "payroll", payrollId, new Dictionary<string, object?>
            {
                ["employeeId"] = employeeId,
                ["format"] = format,
            }),
            cancellationToken);
        return run.Value!.Documents.Single();
    }
}
