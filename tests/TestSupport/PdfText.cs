using UglyToad.PdfPig;

namespace PayrollPortal.TestSupport;

/// <summary>
/// A PDF read back with PdfPig as a person reads it: each page's words grouped into lines by their baseline, left to right,
/// joined by single spaces; and the document information, to check that it says no more than the pages.
/// </summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<string> lines, string text, IReadOnlyDictionary<string, string> information, int pages, string large, IReadOnlyList<string> xmp)
    {
        XmpValues = xmp;
        LargeText = large;
        Lines = lines;
        Text = text;
        Information = information;
        PageCount = pages;
    }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>Every line of every page, joined by line feeds.</summary>
    public string Text { get; }

    /// <summary>The document information dictionary's non-empty text entries (Title, Author, Creator, Producer, ...).</summary>
    public IReadOnlyDictionary<string, string> Information { get; }

    public int PageCount { get; }

    /// <summary>Every non-empty text value of the XMP metadata packet (PDFsharp mirrors the document information there).</summary>
    public IReadOnlyList<string> XmpValues { get; }

    /// <summary>The letters set in a font of 60 points or more (a watermark, drawn at an angle), in the order drawn.</summary>
    public string LargeText { get; }

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<string>();
        var large = new System.Text.StringBuilder();
        foreach (var page in document.GetPages())
        {
            large.AppendJoin(string.Empty, page.Letters.Where(l => l.FontSize >= 60).Select(l => l.Value));
            lines.AddRange(page.GetWords()
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom, 0))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
        }

        var info = document.Information;
        var information = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Title"] = info.Title ?? string.Empty,
            ["Author"] = info.Author ?? string.Empty,
            ["Subject"] = info.Subject ?? string.Empty,
            ["Keywords"] = info.Keywords ?? string.Empty,
            ["Creator"] = info.Creator ?? string.Empty,
            ["Producer"] = info.Producer ?? string.Empty,
        }.Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new PdfText(lines, string.Join('\n', lines), information, document.NumberOfPages, large.ToString(), Xmp(pdf));
    }

    /// <summary>The one line that starts with <paramref name="label"/> (after any indent), or a failure naming the lines.</summary>
    public string LineOf(string label)
    {
        var found = Lines.Where(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal)).ToArray();
        return found.Length == 1 ? found[0] : throw new InvalidOperationException(
            $"Expected one line starting with '{label}', found {found.Length}:\n{Text}");
    }

    /// <summary>The XMP packet is stored uncompressed; its text values, whatever its elements are called.</summary>
    private static string[] Xmp(byte[] pdf)
    {
        var raw = System.Text.Encoding.UTF8.GetString(pdf);
        var start = raw.IndexOf("<x:xmpmeta", StringComparison.Ordinal);
        var end = raw.IndexOf("</x:xmpmeta>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return [];
        }

        return [.. System.Text.RegularExpressions.Regex.Matches(raw[start..end], ">([^<]+)<")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim())
            .Where(v => v.Length > 0)];
    }
}
