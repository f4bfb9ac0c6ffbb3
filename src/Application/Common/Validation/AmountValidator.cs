using FluentValidation;
using FluentValidation.Validators;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Common.Validation;

/// <summary>A money input: not negative, whole cents, and below the engine's ceiling.</summary>
public sealed class AmountValidator<T> : PropertyValidator<T, decimal?>
{
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

        if (!Money.IsWholeCents(amount))
        {
            context.MessageFormatter.AppendArgument("Problem", "must have at most two decimal places");
            return false;
        }

        if (amount > UsFederalRegime.MaxAmount)
        {
            context.MessageFormatter.AppendArgument("Problem", "is too large");
            return false;
        }

        return true;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "The amount {Problem}.";
}
