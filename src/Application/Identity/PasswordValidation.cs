using FluentValidation;
using FluentValidation.Results;

namespace PayrollPortal.Application.Identity;

public static class PasswordValidation
{
    /// <summary>The rules of <see cref="Passwords"/> for a new password, as a 400 naming <paramref name="field"/>.</summary>
    /// <param name="email">The account's email, which the password must not be; null when the validator does not know it.</param>
    public static IRuleBuilderOptionsConditions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> email, string field) =>
        rule.Custom((password, context) =>
        {
            if (Passwords.Problem(password, email(context.InstanceToValidate), field) is { } problem)
            {
                context.AddFailure(new ValidationFailure(field, problem.Message) { ErrorCode = problem.Code });
            }
        });
}
