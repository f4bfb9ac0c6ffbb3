namespace PayrollPortal.Application.Payslips;

/// <summary>One of the caller's payslips in the list: where and when, the net pay, and the links to its figures and its PDF.</summary>
public sealed record MyPayslipDto(
    Guid CompanyId, string CompanyName, Guid PayrollId, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PayDate, string Currency, decimal NetPay,
    string Url, string PdfUrl);
