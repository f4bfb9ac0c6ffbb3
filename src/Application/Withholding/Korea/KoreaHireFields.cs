using FluentValidation;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// A new kr employee's fields: the 주민등록번호 (protected exactly like an SSN) and the withholding profile. A kr employee is
/// paid monthly; <see cref="PayFrequency"/> may say so and nothing else.
/// </summary>
public sealed record KoreaHireFields(string? ResidentRegistrationNumber, KoreaProfileDto? Kr, string? PayFrequency = null)
{
    public sealed class Validator : AbstractValidator<KoreaHireFields>
    {
        public Validator()
        {
            RuleFor(x => x.ResidentRegistrationNumber).MustBeValid(Domain.Withholding.Korea.ResidentRegistrationNumber.Create);
            RuleFor(x => x.Kr).NotNull().WithErrorCode("employee.kr_required").WithMessage("kr (the withholding profile) is required.")
                .SetValidator(new KoreaProfileValidator()!);
            RuleFor(x => x.PayFrequency).Must(f => f is null || string.Equals(f, "monthly", StringComparison.OrdinalIgnoreCase))
                .WithErrorCode("employee.regime_mismatch").WithMessage($"An employee of a {KoreaRegime.RegimeCode} company is paid monthly.");
        }
    }
}
