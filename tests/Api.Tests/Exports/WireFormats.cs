using PayrollPortal.Application.Exports;

namespace PayrollPortal.Api.Tests.Exports;

/// <summary>The server's formats by wire name, for links built outside the app (another clock, an older key).</summary>
internal static class WireFormats
{
    public static readonly ExportFormat Csv = new("csv");
    public static readonly ExportFormat Xlsx = new("xlsx");
    public static readonly ExportFormat PayslipsZip = new("payslips-zip");

    /// <summary>What links need of the registered set: the names it parses.</summary>
    public static ExportFormats Registered { get; } = new([new Named(Csv), new Named(Xlsx), new Named(PayslipsZip, ExportSource.Payslips)]);

    private sealed record Named(ExportFormat Format, ExportSource Source = ExportSource.Register) : IExportWriter
    {
        public string ContentType => "application/octet-stream";

        public string FileExtension => Format.Name;
    }
}
