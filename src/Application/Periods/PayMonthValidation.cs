using FluentValidation;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

public static class PayMonthValidation
{
    /// <summary>A <c>yyyy-MM</c> month, named <paramref name="field"/> in the problem.</summary>
    public static IRuleBuilderOptions<T, string?> ValidPayMonth<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(text => PayMonth.TryParse(text, out _))
            .WithErrorCode(PeriodErrors.InvalidMonth(field).Code)
            .WithMessage(PeriodErrors.MonthFormat)
            .OverridePropertyName(field);
}
