using System.Globalization;
using System.Text;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// <c>{payDate}_{employeeNumberOrName}.pdf</c>, safe in any file system and ZIP reader: no path separators, dots that could
/// climb (<c>..</c>), control characters, bidirectional marks or zero-width characters; letters of any script stay.
/// </summary>
public static class PayslipFileNames
{
    private const int MaxStemLength = 80;

    public static string For(DateOnly payDate, string? employeeNumber, string employeeName) =>
        string.Create(CultureInfo.InvariantCulture, $"{payDate:yyyy-MM-dd}_{Safe(string.IsNullOrWhiteSpace(employeeNumber) ? employeeName : employeeNumber)}.pdf");

    /// <summary>Letters, digits, <c>-</c> and <c>_</c> kept; spaces become <c>_</c>; everything else is dropped.</summary>
    public static string Safe(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_')
            {
                builder.Append(rune.ToString());
            }
            else if (Rune.IsWhiteSpace(rune) && builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }

            if (builder.Length >= MaxStemLength)
            {
                break;
            }
        }

        var stem = builder.ToString().Trim('_', '-');
        return stem.Length == 0 ? "employee" : stem;
    }

    /// <summary>Hands out names unique within one archive: a repeated name gets <c>_2</c>, <c>_3</c>… before the extension.</summary>
    public sealed class Unique
    {
        private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

        public string Next(string fileName)
        {
            if (_taken.Add(fileName))
            {
                return fileName;
            }

            var dot = fileName.LastIndexOf('.');
            var (stem, extension) = dot < 0 ? (fileName, string.Empty) : (fileName[..dot], fileName[dot..]);
            for (var n = 2; ; n++)
            {
                var candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}_{n}{extension}");
                if (_taken.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }
}
