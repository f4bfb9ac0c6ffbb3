namespace PayrollPortal.Application.Payslips;

/// <summary>Gross pay, everything taken off, and net pay: for the period and for the year to date.</summary>
public sealed record PayslipTotalsDto(
    decimal GrossPay, decimal GrossPayYearToDate, decimal Deductions, decimal DeductionsYearToDate, decimal NetPay, decimal NetPayYearToDate);
