using System.Globalization;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// A register's columns for one regime: the headers, the money columns (in the order of <see cref="PayrollRegisterRow.Amounts"/>)
/// and how amounts are written. The us-federal register is <see cref="RegisterLayout"/>'s; the kr register puts Korean labels
/// beside the English ones and writes whole won without decimals.
/// </summary>
public sealed record RegisterColumns(IReadOnlyList<string> Headers, IReadOnlyList<string> MoneyColumns, int MinorDigits, string AmountsNote)
{
    public static readonly RegisterColumns UsFederal = new(
        RegisterLayout.Headers, RegisterLayout.MoneyColumns, 2, "US dollars; the register's rows and totals are on the first sheet");

    private static readonly string[] KoreaMoney =
    [
        "Base pay / 기본급",
        "Taxable allowances / 과세수당",
        "Bonus / 상여",
        "Non-taxable allowances / 비과세수당",
        "Taxable pay / 과세급여",
        "National pension / 국민연금",
        "Health insurance / 건강보험",
        "Long-term care / 장기요양보험",
        "Employment insurance / 고용보험",
        "Income tax / 근로소득세",
        "Local income tax / 지방소득세",
        "Total deductions / 공제합계",
        "Post-tax deductions / 기타공제",
        "Net pay / 실지급액",
    ];

    public static readonly RegisterColumns Korea = new(
        [
            "Employee / 성명", "RRN last 4 / 주민등록번호 끝 4자리", "Pay date / 지급일", "Period start / 귀속 시작일", "Period end / 귀속 종료일",
            "Status / 상태", .. KoreaMoney, "Payroll ID / 급여대장 ID",
        ],
        KoreaMoney,
        0,
        "Korean won (KRW), whole won; the register's rows and totals are on the first sheet");

    /// <summary>The spreadsheet number format of a money cell.</summary>
    public string MoneyFormat => MinorDigits == 0 ? "#,##0" : "#,##0.00";

    /// <summary>Minor units as a decimal in major units, the scale kept (cents: <c>12300</c> is <c>123.00</c>; won stay integers).</summary>
    public decimal Amount(long minor) => MinorDigits == 0 ? minor : RegisterLayout.Amount(minor);

    public string AmountText(long minor) => MinorDigits == 0 ? minor.ToString(CultureInfo.InvariantCulture) : RegisterLayout.AmountText(minor);
}
