using FluentValidation;
using PayrollPortal.Application.Common.Validation;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// A us-federal opening balance in dollars: the year's wages and the taxes withheld on them so far. <c>federalIncomeTaxWages</c>
/// defaults to <c>wages</c>, and the employer's Social Security and Medicare to the employee's.
/// </summary>
public sealed record UsOpeningBalanceRequest(
    decimal? Wages = null,
    decimal? FederalIncomeTaxWages = null,
    decimal? SocialSecurityWages = null,
    decimal? MedicareWages = null,
    decimal? FederalIncomeTax = null,
    decimal? SocialSecurity = null,
    decimal? Medicare = null,
    decimal? AdditionalMedicare = null,
    decimal? SupplementalWages = null,
    decimal? SocialSecurityEmployer = null,
    decimal? MedicareEmployer = null)
{
    public sealed class Validator : AbstractValidator<UsOpeningBalanceRequest>
    {
        public Validator()
        {
            Required(x => x.Wages, "wages");
            Required(x => x.SocialSecurityWages, "socialSecurityWages");
            Required(x => x.MedicareWages, "medicareWages");
            Required(x => x.FederalIncomeTax, "federalIncomeTax");
            Required(x => x.SocialSecurity, "socialSecurity");
            Required(x => x.Medicare, "medicare");
            Required(x => x.AdditionalMedicare, "additionalMedicare");
            Required(x => x.SupplementalWages, "supplementalWages");
            RuleFor(x => x.FederalIncomeTaxWages).ValidAmount();
            RuleFor(x => x.SocialSecurityEmployer).ValidAmount();
            RuleFor(x => x.MedicareEmployer).ValidAmount();
            RuleFor(x => x.SupplementalWages).LessThanOrEqualTo(x => x.Wages).When(x => x.Wages is not null && x.SupplementalWages is not null)
                .WithErrorCode("opening_balance.supplemental_over_wages").WithMessage("supplementalWages are part of wages and cannot exceed them.");
        }

        private void Required(System.Linq.Expressions.Expression<Func<UsOpeningBalanceRequest, decimal?>> amount, string name) =>
            RuleFor(amount).NotNull().WithErrorCode("opening_balance.amount_required").WithMessage($"{name} is required (0 when there is none).")
                .ValidAmount();
    }
}
