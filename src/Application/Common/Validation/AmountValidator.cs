using FluentValidation;
using FluentValidation.Validators;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Validation;

/// <summary>A money input: not negative, whole cents, and below the engine's ceiling.</summary>
public sealed class AmountValidator<T> : PropertyValidator<T, decimal?>
{
    /// <summary>The ceiling of every engine's amounts (a billion in major units).</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public override string Name => "AmountValidator";

    public override bool IsValid(ValidationContext<T> context, decimal? value)
    {
        if (value is not { } amount)
        {
            return true;
        }

        if (amount < 0)
        {
            context.MessageFormatter.AppendArgument("Problem", "must not be negative");
            return false;
        }

        if (!HasAtMostTwoDecimals(amount))
        {
            context.MessageFormatter.AppendArgument("Problem", "must have at most two decimal places");
            return false;
        }

        if (amount > MaxAmount)
        {
            context.MessageFormatter.AppendArgument("Problem", "is too large");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Written with at most two decimal places: <c>1.005</c> and <c>100.100</c> are refused, and so is <c>4.9E-324</c>,
    /// which reads as a zero with 28 decimal places; <c>100.10</c> and <c>1e2</c> are fine. One rule for every money input.
    /// </summary>
    public static bool HasAtMostTwoDecimals(decimal amount) => amount.Scale <= 2;

    protected override string GetDefaultMessageTemplate(string errorCode) => "The amount {Problem}.";
}
