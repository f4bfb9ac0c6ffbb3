namespace PayrollPortal.Application.Exports;

/// <summary>
/// Neutralises spreadsheet formula injection (CSV injection): a text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it.
/// Applied to text cells only; numbers and dates are written as typed values.
/// </summary>
public static class FormulaGuard
{
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
