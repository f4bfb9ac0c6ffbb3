using FluentValidation;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>A kr compensation record: the monthly base and taxable allowances in whole KRW. Non-taxable amounts (식대,
/// 자가운전보조금, 보육수당) stay in the kr profile, where their limits are checked.</summary>
public sealed record KoreaCompensationRequest(string? PayType, decimal? MonthlyBase = null, decimal? TaxableAllowances = null)
{
    public sealed class Validator : AbstractValidator<KoreaCompensationRequest>
    {
        public Validator()
        {
            RuleFor(x => x.PayType).Equal(KoreaCompensationTerms.Monthly)
                .WithErrorCode("compensation.pay_type_invalid").WithMessage("payType must be \"monthly\" for a kr company.");
            RuleFor(x => x.MonthlyBase).NotNull().WithErrorCode("compensation.monthly_base_required").WithMessage("monthlyBase is required.");
            RuleFor(x => x.MonthlyBase).WholeKrw("monthlyBase");
            RuleFor(x => x.TaxableAllowances).WholeKrw("taxableAllowances");
        }
    }
}
