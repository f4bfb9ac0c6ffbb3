using System.Globalization;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// What every register has, shared by the CSV and XLSX writers so both files have the same cells and the same row hash: six
/// leading columns (employee, national id last 4, pay date, period start, period end, status), the regime's money columns
/// (<see cref="RegisterColumns"/>), the regime's own text columns if it has any, and the payroll id.
/// </summary>
public static class RegisterLayout
{
    public const string Employee = "Employee";
    public const string PayDate = "Pay date";
    public const string PeriodStart = "Period start";
    public const string PeriodEnd = "Period end";
    public const string Status = "Status";
    public const string PayrollId = "Payroll ID";

    /// <summary>Shown in the status column, and after "Total", when the file holds a draft.</summary>
    public const string Draft = "DRAFT";

    /// <summary>Index of the first money column.</summary>
    public const int FirstMoneyColumn = 6;

    public static string StatusText(string status) => status == "draft" ? Draft : "Approved";

    public static string TotalLabel(bool draft) => draft ? "Total (" + Draft + ")" : "Total";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Cents as a decimal with two places, the scale kept (<c>12300</c> is <c>123.00</c>).</summary>
    public static decimal Amount(long cents) => cents * 0.01m;

    public static string AmountText(long cents) => Amount(cents).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// The row's cells as text, in the regime's column order, exactly as the CSV writes them (text cells guarded): the input of the row
    /// hash, so the hash in the XLSX Meta sheet can be recomputed from the CSV of the same scope.
    /// </summary>
    public static void Texts(PayrollRegisterRow row, string[] cells, RegisterColumns columns)
    {
        cells[0] = FormulaGuard.Neutralise(row.EmployeeName);
        cells[1] = FormulaGuard.Neutralise(row.SsnLast4);
        cells[2] = Date(row.PayDate);
        cells[3] = Date(row.PeriodStart);
        cells[4] = Date(row.PeriodEnd);
        cells[5] = StatusText(row.PayrollStatus);
        for (var i = 0; i < row.Amounts.Length; i++)
        {
            cells[FirstMoneyColumn + i] = columns.AmountText(row.Amounts[i]);
        }

        var next = FirstMoneyColumn + row.Amounts.Length;
        for (var i = 0; i < columns.TextColumns.Count; i++)
        {
            cells[next++] = FormulaGuard.Neutralise(row.Texts is { } texts && i < texts.Length ? texts[i] : string.Empty);
        }

        cells[next] = row.PayrollId.ToString("D");
    }
}
