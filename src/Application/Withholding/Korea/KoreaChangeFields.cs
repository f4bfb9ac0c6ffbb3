using FluentValidation;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// A partial update of a kr employee: a corrected 주민등록번호, or a new profile with its own <c>effectiveDate</c> that joins
/// the history. <see cref="PayFrequency"/> and <see cref="Exempt"/> are taken only as "monthly" and false.
/// </summary>
public sealed record KoreaChangeFields(
    Optional<string?> ResidentRegistrationNumber, Optional<KoreaProfileDto?> Kr, Optional<string?> PayFrequency = default, Optional<bool?> Exempt = default)
{
    public sealed class Validator : AbstractValidator<KoreaChangeFields>
    {
        public Validator()
        {
            RuleFor(x => x.ResidentRegistrationNumber.Value)
                .MustBeValid(Domain.Withholding.Korea.ResidentRegistrationNumber.Create, "residentRegistrationNumber")
                .When(x => x.ResidentRegistrationNumber.HasValue);
            RuleFor(x => x.Kr.Value).NotNull().WithErrorCode("employee.kr_required").WithMessage("A kr profile cannot be removed; send a new one.")
                .SetValidator(new KoreaProfileValidator()!).When(x => x.Kr.HasValue).OverridePropertyName("kr");
            RuleFor(x => x.Kr.Value!.EffectiveDate).NotNull().When(x => x.Kr.HasValue && x.Kr.Value is not null).OverridePropertyName("kr.effectiveDate")
                .WithErrorCode(KoreaRequestErrors.KrEffectiveDateRequired.Code).WithMessage(KoreaRequestErrors.KrEffectiveDateRequired.Message);
            RuleFor(x => x.PayFrequency.Value)
                .Must(f => string.Equals(f, "monthly", StringComparison.OrdinalIgnoreCase)).When(x => x.PayFrequency.HasValue)
                .OverridePropertyName("payFrequency").WithErrorCode("employee.regime_mismatch")
                .WithMessage(KoreaRequestErrors.NotAnEmployeeField("payFrequency").Message);
            RuleFor(x => x.Exempt.Value).Must(e => e is not true).When(x => x.Exempt.HasValue)
                .OverridePropertyName("exempt").WithErrorCode("employee.regime_mismatch")
                .WithMessage(KoreaRequestErrors.NotAnEmployeeField("exempt").Message);
        }
    }
}
