namespace PayrollPortal.Application.Payslips;

/// <summary>One approved line of the caller's bound employee record, as stored: net pay in minor units of the currency.</summary>
public sealed record MyPayslipRow(
    Guid CompanyId, string CompanyName, string Currency, Guid PayrollId, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PayDate, long NetPay);
