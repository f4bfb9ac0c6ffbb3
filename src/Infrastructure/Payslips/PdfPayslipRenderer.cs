using System.Globalization;
using PayrollPortal.Application.Payslips;
using PayrollPortal.Domain.Common;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PayrollPortal.Infrastructure.Payslips;

/// <summary>
/// A payslip as a one-page A4 PDF (more pages if the items need them) with PDFsharp and the embedded NanumGothic subset:
/// the employer, the employee, the period and pay date, each section's items with the period's amount and the year to
/// date, and the totals. A preview carries its DRAFT or VOID watermark on every page. The document information holds only
/// a title the page shows and the application's name: no author, subject or keywords.
/// </summary>
internal sealed class PdfPayslipRenderer : IPayslipRenderer
{
    private const double Left = 50;
    private const double Right = 545;
    private const double CurrentColumn = 420;
    private const double Bottom = 790;
    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    private static readonly XBrush WatermarkInk = new XSolidBrush(XColor.FromArgb(70, 200, 30, 30));
    private static readonly XPen Rule = new(XColor.FromArgb(160, 160, 160), 0.5);

    public string ContentType => "application/pdf";

    public void Render(PayslipDocument document, Stream output)
    {
        var payslip = document.Payslip;
        var labels = document.Labels;
        var digits = Currency.FromCode(payslip.Currency)?.MinorDigits ?? 2;
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{labels.Title} {payslip.PayDate:yyyy-MM-dd}";
        pdf.Info.Creator = "PayrollPortal";
        pdf.Options.CompressContentStreams = true;
        pdf.Info.Author = string.Empty;
        pdf.Info.Subject = string.Empty;
        pdf.Info.Keywords = string.Empty;
        var page = new Page(pdf, document.Watermark);
        try
        {
            page.Text(labels.Title, Fonts.Title, Left, 16);
            page.Advance(28);

            var employer = payslip.Employer;
            page.Pair(labels.Employer, employer.Name);
            if (employer.Identifier is { } identifier)
            {
                page.Pair(employer.IdentifierLabel ?? labels.EmployerIdentifier, identifier);
            }

            if (employer.Address is { } address)
            {
                page.Pair(labels.Address, string.Join(", ", new[] { address.Line1, address.Line2 }.Where(s => !string.IsNullOrEmpty(s))));
                page.Pair(string.Empty, string.Join(" ", new[] { address.City, address.Region, address.PostalCode, address.Country }.Where(s => !string.IsNullOrEmpty(s))));
            }

            page.Advance(6);
            page.Pair(labels.Employee, payslip.Employee.Name);
            if (payslip.Employee.Identifier is { } employeeIdentifier)
            {
                page.Pair(payslip.Employee.IdentifierLabel ?? string.Empty, employeeIdentifier);
            }

            page.Pair(labels.PayPeriod, string.Create(CultureInfo.InvariantCulture, $"{payslip.PeriodStart:yyyy-MM-dd} – {payslip.PeriodEnd:yyyy-MM-dd}"));
            page.Pair(labels.PayDate, payslip.PayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            page.Pair(labels.AmountsIn, payslip.Currency);
            page.Advance(8);

            page.Row(labels.Item, labels.Current, labels.YearToDate, Fonts.Heading);
            page.Line();
            foreach (var section in payslip.Sections)
            {
                page.Advance(4);
                page.Text(section.Title, Fonts.Heading, Left, 0);
                page.Advance(15);
                foreach (var item in section.Items)
                {
                    page.Row("  " + item.Label, Amount(item.Amount, digits), Amount(item.YearToDate, digits), Fonts.Body);
                    if (item.Calculation is { } calculation)
                    {
                        page.Text("    " + calculation, Fonts.Note, Left, 0, Muted);
                        page.Advance(11);
                    }
                }
            }

            page.Advance(4);
            page.Line();
            var totals = payslip.Totals;
            page.Row(labels.GrossPay, Amount(totals.GrossPay, digits), Amount(totals.GrossPayYearToDate, digits), Fonts.Heading);
            page.Row(labels.TotalDeductions, Amount(totals.Deductions, digits), Amount(totals.DeductionsYearToDate, digits), Fonts.Heading);
            page.Line();
            page.Row(labels.NetPay, Amount(totals.NetPay, digits), Amount(totals.NetPayYearToDate, digits), Fonts.Title, 22);
        }
        finally
        {
            page.Dispose();
        }

        pdf.Save(output, closeStream: false);
    }

    public static string Amount(decimal amount, int digits) =>
        amount.ToString(digits == 0 ? "#,##0" : "#,##0." + new string('0', digits), CultureInfo.InvariantCulture);

    /// <summary>The fonts, made once the embedded font is PDFsharp's (a nested class's statics wait for its first use).</summary>
    private static class Fonts
    {
        private static readonly XPdfFontOptions Unicode = Install();

        public static readonly XFont Title = new(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold, Unicode);
        public static readonly XFont Heading = new(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold, Unicode);
        public static readonly XFont Body = new(EmbeddedFontResolver.Family, 9, XFontStyleEx.Regular, Unicode);
        public static readonly XFont Note = new(EmbeddedFontResolver.Family, 7.5, XFontStyleEx.Regular, Unicode);
        public static readonly XFont Watermark = new(EmbeddedFontResolver.Family, 110, XFontStyleEx.Bold, Unicode);

        private static XPdfFontOptions Install()
        {
            EmbeddedFontResolver.Install();
            return new XPdfFontOptions(PdfFontEncoding.Unicode);
        }
    }

    /// <summary>The page being written and where the next line goes; a new page (with its watermark) when it fills.</summary>
    private sealed class Page(PdfDocument pdf, string? watermark) : IDisposable
    {
        private XGraphics? _graphics;
        private double _y = Bottom + 1;

        public void Advance(double height) => _y += height;

        public void Text(string text, XFont font, double x, double height, XBrush? brush = null)
        {
            var graphics = Ensure(height + font.Size);
            graphics.DrawString(text, font, brush ?? Ink, new XRect(x, _y, Right - x, font.Size * 1.4), XStringFormats.TopLeft);
            _y += height;
        }

        public void Pair(string label, string value)
        {
            var graphics = Ensure(14);
            graphics.DrawString(label, Fonts.Body, Muted, new XRect(Left, _y, 190, 12), XStringFormats.TopLeft);
            graphics.DrawString(value, Fonts.Body, Ink, new XRect(Left + 195, _y, Right - Left - 195, 12), XStringFormats.TopLeft);
            _y += 13;
        }

        public void Row(string label, string current, string yearToDate, XFont font, double height = 14)
        {
            var graphics = Ensure(height);
            graphics.DrawString(label, font, Ink, new XRect(Left, _y, CurrentColumn - Left - 100, height), XStringFormats.TopLeft);
            graphics.DrawString(current, font, Ink, new XRect(CurrentColumn - 120, _y, 120, height), XStringFormats.TopRight);
            graphics.DrawString(yearToDate, font, Ink, new XRect(Right - 115, _y, 115, height), XStringFormats.TopRight);
            _y += height;
        }

        public void Line()
        {
            var graphics = Ensure(6);
            graphics.DrawLine(Rule, Left, _y + 2, Right, _y + 2);
            _y += 6;
        }

        public void Dispose() => _graphics?.Dispose();

        private XGraphics Ensure(double height)
        {
            if (_graphics is not null && _y + height <= Bottom)
            {
                return _graphics;
            }

            _graphics?.Dispose();
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            if (watermark is not null)
            {
                var state = _graphics.Save();
                _graphics.RotateAtTransform(-40, new XPoint(page.Width.Point / 2, page.Height.Point / 2));
                _graphics.DrawString(watermark, Fonts.Watermark, WatermarkInk, new XRect(0, 0, page.Width.Point, page.Height.Point), XStringFormats.Center);
                _graphics.Restore(state);
            }

            _y = 50;
            return _graphics;
        }
    }
}
