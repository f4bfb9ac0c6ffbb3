using FluentValidation;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Validation;

public static class ValidationExtensions
{
    /// <summary>
    /// Validates a property with the domain's own factory, so the rule and its message live in one place (the value object).
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> MustBeValid<T, TProperty, TValue>(
        this IRuleBuilder<T, TProperty> rule, Func<TProperty, Result<TValue>> factory, string? propertyName = null) =>
        rule.Custom((value, context) =>
        {
            var result = factory(value);
            if (!result.IsSuccess)
            {
                foreach (var error in result.Errors)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(propertyName ?? context.PropertyPath, error.Message) { ErrorCode = error.Code });
                }
            }
        });

    /// <summary>A money input: not negative, whole cents, below the engine's ceiling. Null passes (use NotNull for required).</summary>
    public static IRuleBuilderOptions<T, decimal?> ValidAmount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.SetValidator(new AmountValidator<T>()).WithErrorCode("amount.invalid");

    /// <summary>
    /// Only the decimal-places part of <see cref="ValidAmount{T}"/>, for inputs whose sign and size a regime checks itself
    /// (the withholding preview): the same message and code as everywhere else.
    /// </summary>
    public static IRuleBuilderOptions<T, decimal?> AtMostTwoDecimals<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(a => a is not { } amount || AmountValidator<T>.HasAtMostTwoDecimals(amount))
            .WithErrorCode("amount.invalid").WithMessage("The amount must have at most two decimal places.");

    public static void ValidPageLimit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, PageLimits.Max).WithErrorCode("paging.limit_out_of_range")
            .WithMessage($"Limit must be between 1 and {PageLimits.Max}.");

    public static void ValidCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || KeysetCursor.TryDecode(c, out _)).WithErrorCode("paging.cursor_invalid")
            .WithMessage("Cursor is not valid; use the nextCursor of a previous page.");
}
