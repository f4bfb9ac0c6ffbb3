using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// Makes a text cell safe to open in a spreadsheet. First it drops control characters, bidirectional overrides and
/// zero-width characters (<see cref="UnsafeText"/>): input is refused with them now, but rows stored before that may
/// hold them, and a raw NUL or U+202E must not reach a file. Then it neutralises formula injection (CSV injection): a cell
/// that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, <c>|</c> or their full-width forms <c>＝＋－＠</c> (which some
/// spreadsheets also read as operators) gets a leading apostrophe, so it is shown as text instead of run. Applied to text
/// cells only; numbers and dates are written as typed values.
/// </summary>
public static class FormulaGuard
{
    public static string Neutralise(string text)
    {
        var clean = UnsafeText.Strip(text);
        return clean.Length > 0 && clean[0] is '=' or '+' or '-' or '@' or '|' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20' ? "'" + clean : clean;
    }
}
