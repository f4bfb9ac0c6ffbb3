using FluentValidation;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// The kr profile's rules, with the engine's own ranges: dependents 1 to 99, children fewer than dependents, ratio 80/100/120,
/// allowances in whole KRW. Errors name fields under <c>kr.</c> as the employee request nests them.
/// </summary>
public sealed class KoreaProfileValidator : AbstractValidator<KoreaProfileDto>
{
    public KoreaProfileValidator()
    {
        RuleFor(x => x.Dependents).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode("employee.kr.dependents_required").WithMessage("dependents (공제대상가족 수, the employee included) is required.")
            .InclusiveBetween(1, KoreaRegime.MaxDependents).WithErrorCode(KoreaErrors.DependentsOutOfRange.Code).WithMessage(KoreaErrors.DependentsOutOfRange.Message);
        RuleFor(x => x.ChildrenAged8To20)
            .Must((profile, children) => children is null || (children >= 0 && (profile.Dependents is not { } n || children < n)))
            .WithErrorCode(KoreaErrors.ChildrenOutOfRange.Code).WithMessage(KoreaErrors.ChildrenOutOfRange.Message);
        RuleFor(x => x.WithholdingRatio).Must(r => r is null || KoreaRegime.Ratios.Contains(r.Value))
            .WithErrorCode(KoreaErrors.RatioUnknown.Code).WithMessage(KoreaErrors.RatioUnknown.Message);
        RuleFor(x => x.NonTaxable!.Meals).WholeKrw("nonTaxable.meals").When(x => x.NonTaxable is not null);
        RuleFor(x => x.NonTaxable!.CarAllowance).WholeKrw("nonTaxable.carAllowance").When(x => x.NonTaxable is not null);
        RuleFor(x => x.NonTaxable!.Childcare).WholeKrw("nonTaxable.childcare").When(x => x.NonTaxable is not null);
    }
}
