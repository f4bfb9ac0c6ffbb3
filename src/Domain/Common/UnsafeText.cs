using System.Globalization;

namespace PayrollPortal.Domain.Common;

/// <summary>
/// Characters that have no place in a name, code or slug and are used to disguise or break one: control characters (NUL
/// ends up as a raw byte in a CSV export), bidirectional overrides and isolates (U+202E shows "gpj.exe" as "exe.jpg"),
/// zero-width characters (two names that look identical but differ) and the line and paragraph separators.
/// </summary>
public static class UnsafeText
{
    public const string Message = "must not contain control characters, bidirectional overrides or zero-width characters.";

    /// <param name="allowTab">A tab is tolerated inside free text; never in a name, code or slug.</param>
    public static bool Contains(string? text, bool allowTab = false)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (IsUnsafe(c) && !(allowTab && c == '\t'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every unsafe character removed (tabs kept when <paramref name="allowTab"/>), for output.</summary>
    public static string Strip(string text, bool allowTab = false)
    {
        if (!Contains(text, allowTab))
        {
            return text;
        }

        return string.Concat(text.Where(c => !IsUnsafe(c) || (allowTab && c == '\t')));
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') // bidi marks, embeddings, overrides, isolates
        || c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF' // zero-width space, non-joiner, joiner, word joiner, BOM
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
