using FluentValidation;
using FluentValidation.Results;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Regimes;

internal static class RegimeValidation
{
    /// <summary>A regime's errors as failures of the validation stage, so they come back with the core fields' in one 400.</summary>
    public static void AddFailures<T>(this ValidationContext<T> context, IEnumerable<Error> errors)
    {
        foreach (var error in errors)
        {
            context.AddFailure(new ValidationFailure(error.Field ?? string.Empty, error.Message) { ErrorCode = error.Code });
        }
    }
}
