namespace PayrollPortal.Application.Exports;

/// <summary>What a format is written from, which decides the scopes a link for it may name.</summary>
public enum ExportSource
{
    /// <summary>A register's rows: one payroll, or the approved payrolls of a month or a quarter.</summary>
    Register,

    /// <summary>One payroll's payslips (a ZIP of PDFs, say): a link for it must name one payroll.</summary>
    Payslips,
}
