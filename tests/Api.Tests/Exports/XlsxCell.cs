namespace PayrollPortal.Api.Tests.Exports;

/// <summary>One cell as stored: text or not, its raw value, its number format code, and whether it holds a formula.</summary>
internal sealed record XlsxCell(bool IsText, string Text, string? NumberFormat, bool HasFormula)
{
    public decimal Number => decimal.Parse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly Date => DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(Text, System.Globalization.CultureInfo.InvariantCulture)));
}
