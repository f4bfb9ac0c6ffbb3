using PayrollPortal.Application.Exports;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// An export format written from one payroll's payslips (a ZIP of PDFs): it writes each payslip as it is rendered, so the
/// first bytes leave before the last payslip exists.
/// </summary>
public interface IPayslipArchiveWriter : IExportWriter
{
    ExportSource IExportWriter.Source => ExportSource.Payslips;

    /// <returns>The number of payslips and the SHA-256 of the bytes written, for the download's log line.</returns>
    Task<RegisterSummary> WriteAsync(Stream output, PayslipRun run, CancellationToken cancellationToken);
}
