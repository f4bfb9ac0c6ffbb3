using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Exports;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// Prepares the archive of an approved payroll's payslips for a download (a signed link, or a caller with export rights):
/// loads the payroll and the year to date now, records <c>payslips.exported</c>, and leaves the rendering to the response.
/// </summary>
public sealed class PayslipExports(ICompanyQueries companies, PayslipBook book, IEnumerable<IExportWriter> writers, IAuditTrail audit)
{
    public async Task<Result<ExportFile>> OpenAsync(Guid companyId, Guid payrollId, ExportFormat? format, string generatedBy, CancellationToken cancellationToken)
    {
        var writer = writers.OfType<IPayslipArchiveWriter>().FirstOrDefault(w => format is null || w.Format == format)
            ?? throw new InvalidOperationException($"No payslip archive writer is registered{(format is null ? string.Empty : " for " + format)}.");
        if (await companies.GetAsync(companyId, cancellationToken) is not { } company)
        {
            return CompanyErrors.NotFound;
        }

        var opened = await book.OpenAsync(companyId, payrollId, employeeId: null, preview: false, cancellationToken);
        if (!opened.IsSuccess)
        {
            return Result<ExportFile>.Failure(opened.Errors);
        }

        var run = opened.Value!;
        await audit.RecordAsync(
            new AuditEntry(AuditActions.PayslipsExported, companyId, "payroll", payrollId, new Dictionary<string, object?>
            {
                ["format"] = writer.Format.Name,
                ["payslips"] = run.Count,
                ["generatedBy"] = generatedBy,
            }),
            cancellationToken);
        var fileName = $"payslips-{company.Slug}-{run.Payroll.PayDate:yyyy-MM-dd}.{writer.FileExtension}";
        return new ExportFile(fileName, writer.ContentType, (output, ct) => writer.WriteAsync(output, run, ct));
    }
}
