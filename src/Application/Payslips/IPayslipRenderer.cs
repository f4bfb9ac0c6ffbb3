namespace PayrollPortal.Application.Payslips;

/// <summary>Writes a payslip as a PDF: every figure of the document, its watermark, and no metadata beyond what the page shows.</summary>
public interface IPayslipRenderer
{
    /// <summary>The media type of what <see cref="Render"/> writes.</summary>
    string ContentType { get; }

    void Render(PayslipDocument document, Stream output);
}
