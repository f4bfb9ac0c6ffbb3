namespace PayrollPortal.Application.Payslips;

/// <summary>A rendered payslip: the file name to offer, its media type and the PDF's bytes.</summary>
public sealed record PayslipPdf(string FileName, string ContentType, byte[] Content);
