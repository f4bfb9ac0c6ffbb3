using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>Input errors of the kr regime. Field names are the JSON paths of the preview request.</summary>
public static class KoreaErrors
{
    public static readonly Error DependentsOutOfRange = Error.Validation(
        "withholding.kr.dependents_out_of_range", $"dependents (공제대상가족 수, the employee included) must be 1 to {KoreaRegime.MaxDependents}.", "dependents");

    public static readonly Error ChildrenOutOfRange = Error.Validation(
        "withholding.kr.children_out_of_range",
        "childrenAged8To20 must be 0 or more and fewer than dependents (the children are dependents besides the employee).",
        "childrenAged8To20");

    public static readonly Error RatioUnknown = Error.Validation(
        "withholding.kr.ratio_unknown", "withholdingRatio must be 80, 100 or 120.", "withholdingRatio");

    public static Error MonthUnavailable(int year, int month, IReadOnlyList<int> years) => Error.Validation(
        "withholding.kr.pay_month_unavailable",
        $"payMonth {year:0000}-{month:00} has no kr figures; available years: {string.Join(", ", years)}.",
        "payMonth");

    public static Error PayDateUnavailable(DateOnly date) => Error.Validation(
        "withholding.kr.pay_date_unavailable",
        $"payDate {date:yyyy-MM-dd} has no simplified tax table or child amounts (the table held starts on 2024-03-01 and must cover the pay month's year).",
        "payDate");

    public static Error AmountOutOfRange(string field) => Error.Validation(
        "withholding.kr.amount_out_of_range", $"{field} must be a whole number of KRW from 0 to {KoreaRegime.MaxAmount:N0}.", field);
}
