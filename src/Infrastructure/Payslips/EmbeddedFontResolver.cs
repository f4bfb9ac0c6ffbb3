using PdfSharp.Fonts;

namespace PayrollPortal.Infrastructure.Payslips;

/// <summary>
/// Gives PDFsharp the one font the application ships, NanumGothic (SIL OFL 1.1; <c>Fonts/README.md</c>), for every family
/// it asks for, with bold simulated. No font is ever looked up on the host, so every container renders the same PDF.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "NanumGothic";
    private const string Resource = "fonts.NanumGothic.ttf";

    private static readonly Lock Gate = new();
    private static readonly EmbeddedFontResolver Instance = new();
    private static readonly Lazy<byte[]> Bytes = new(Load);

    private EmbeddedFontResolver()
    {
    }

    /// <summary>Sets this resolver as PDFsharp's, once per process (PDFsharp's setting is global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, italic);

    public byte[]? GetFont(string faceName) => Bytes.Value;

    private static byte[] Load()
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded font '{Resource}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
