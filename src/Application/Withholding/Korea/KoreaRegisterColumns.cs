using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>The kr register (급여대장): Korean labels beside the English ones, whole won without decimals.</summary>
public sealed class KoreaRegisterColumns : IRegisterColumnsSource
{
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

    public static readonly RegisterColumns Layout = new(
        [
            "Employee / 성명", "RRN last 4 / 주민등록번호 끝 4자리", "Pay date / 지급일", "Period start / 귀속 시작일", "Period end / 귀속 종료일",
            "Status / 상태", .. KoreaMoney, "Payroll ID / 급여대장 ID",
        ],
        KoreaMoney,
        0,
        "Korean won (KRW), whole won; the register's rows and totals are on the first sheet");

    public string Regime => KoreaRegime.RegimeCode;

    public RegisterColumns Columns => Layout;
}
