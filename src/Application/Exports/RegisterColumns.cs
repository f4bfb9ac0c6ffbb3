using System.Globalization;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// A register's columns for one regime: the headers, the money columns (in the order of <see cref="PayrollRegisterRow.Amounts"/>)
/// and how amounts are written (the currency's minor digits). Each regime module declares its own.
/// </summary>
public sealed record RegisterColumns(IReadOnlyList<string> Headers, IReadOnlyList<string> MoneyColumns, int MinorDigits, string AmountsNote)
{
    /// <summary>A regime's own text columns, after the money columns and before the payroll id, in the order of <see cref="PayrollRegisterRow.Texts"/>.</summary>
    public IReadOnlyList<string> TextColumns { get; init; } = [];

    /// <summary>The spreadsheet number format of a money cell.</summary>
    public string MoneyFormat => MinorDigits == 0 ? "#,##0" : "#,##0.00";

    /// <summary>Minor units as a decimal in major units, the scale kept (cents: <c>12300</c> is <c>123.00</c>; won stay integers).</summary>
    public decimal Amount(long minor) => MinorDigits == 0 ? minor : RegisterLayout.Amount(minor);

    public string AmountText(long minor) => MinorDigits == 0 ? minor.ToString(CultureInfo.InvariantCulture) : RegisterLayout.AmountText(minor);
}
