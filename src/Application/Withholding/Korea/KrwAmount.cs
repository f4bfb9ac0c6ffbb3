using System.Globalization;
using FluentValidation;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// KRW on the wire: whole won as a JSON integer (KRW has no minor unit, ADR 0009). Requests bind numbers as decimals so that
/// 4000000.5 is a per-field validation error rather than a body that fails to bind.
/// </summary>
public static class KrwAmount
{
    public static bool IsWholeKrw(decimal? amount) =>
        amount is null || (decimal.Truncate(amount.Value) == amount.Value && amount.Value is >= 0 and <= KoreaRegime.MaxAmount);

    public static long ToKrw(decimal? amount) => amount is { } value ? (long)value : 0;

    public static IRuleBuilderOptions<T, decimal?> WholeKrw<T>(this IRuleBuilder<T, decimal?> rule, string field) =>
        rule.Must(IsWholeKrw).WithErrorCode("withholding.kr.amount_not_whole_krw")
            .WithMessage($"{field} must be a whole number of KRW from 0 to {KoreaRegime.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}.");

    /// <summary>"YYYY-MM" as (year, month).</summary>
    public static bool TryParseMonth(string? text, out int year, out int month)
    {
        year = month = 0;
        if (text is not { Length: 7 } || text[4] != '-'
            || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        (year, month) = (date.Year, date.Month);
        return true;
    }
}
