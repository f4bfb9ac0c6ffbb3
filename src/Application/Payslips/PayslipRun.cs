using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payslips;

/// <summary>The payslips of one payroll (or of one of its lines), built one at a time as <see cref="Documents"/> is read.</summary>
public sealed class PayslipRun(Payroll payroll, string? watermark, IReadOnlyList<PayrollLine> lines, Func<PayrollLine, PayslipDocument> build)
{
    public Payroll Payroll { get; } = payroll;

    /// <summary><c>DRAFT</c> or <c>VOID</c> for a preview; null for an approved payroll.</summary>
    public string? Watermark { get; } = watermark;

    public int Count => lines.Count;

    public IEnumerable<PayslipDocument> Documents => lines.Select(build);
}
