using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

/// <summary>The core columns of a <c>payroll_lines</c> row; amounts are minor units. The regime's columns are its storage's.</summary>
internal sealed class PayrollLineRow
{
    /// <summary>Selected from <c>payroll_lines l</c>.</summary>
    public const string Columns =
        "l.line_no AS LineNo, l.employee_id AS EmployeeId, l.employee_name AS EmployeeName, l.ssn_last4 AS SsnLast4, " +
        "l.gross_wages AS GrossWages, l.supplemental_wages AS SupplementalWages, l.post_tax_deductions AS PostTaxDeductions, " +
        "l.w4_effective_date AS ProfileEffectiveDate, l.trace AS Trace, l.earnings AS Earnings";

    /// <summary>Column order of the insert; <see cref="Values"/> yields the values in the same order.</summary>
    public static readonly string[] InsertColumns =
    [
        "payroll_id", "line_no", "employee_id", "employee_name", "ssn_last4", "gross_wages", "supplemental_wages", "post_tax_deductions", "net_pay",
        "w4_effective_date", "trace", "earnings",
    ];

    public int LineNo { get; init; }

    public Guid EmployeeId { get; init; }

    public string EmployeeName { get; init; } = string.Empty;

    public string SsnLast4 { get; init; } = string.Empty;

    public Money GrossWages { get; init; }

    public Money SupplementalWages { get; init; }

    public Money PostTaxDeductions { get; init; }

    public DateOnly ProfileEffectiveDate { get; init; }

    public string Trace { get; init; } = "{}";

    public string? Earnings { get; init; }

    public static IEnumerable<object?> Values(Guid payrollId, PayrollLine line) =>
    [
        payrollId, line.LineNumber, line.EmployeeId, line.EmployeeName, line.SsnLast4, line.GrossWages.Cents, line.SupplementalWages.Cents,
        line.PostTaxDeductions.Cents, line.NetPay.Cents, line.ProfileEffectiveDate, line.Trace, LineEarningsJson.Write(line.Earnings),
    ];

    public PayrollLine ToDomain(IPayrollLineDetails details) =>
        new(LineNo, EmployeeId, EmployeeName, SsnLast4, GrossWages, SupplementalWages, PostTaxDeductions, ProfileEffectiveDate, Trace, details)
        {
            Earnings = LineEarningsJson.Read(Earnings),
        };
}
