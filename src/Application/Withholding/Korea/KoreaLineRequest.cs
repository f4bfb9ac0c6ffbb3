using FluentValidation;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// A kr payroll line's fields in whole KRW: base pay, taxable allowances and bonus are taxable; the non-taxable allowances
/// default to the employee's profile when left out.
/// </summary>
public sealed record KoreaLineRequest(
    decimal? BasePay = null, decimal? TaxableAllowances = null, decimal? Bonus = null, KoreaNonTaxableDto? NonTaxable = null, decimal? PostTaxDeductions = null)
{
    public sealed class Validator : AbstractValidator<KoreaLineRequest>
    {
        public Validator()
        {
            RuleFor(x => x.BasePay).WholeKrw("basePay");
            RuleFor(x => x.TaxableAllowances).WholeKrw("taxableAllowances");
            RuleFor(x => x.Bonus).WholeKrw("bonus");
            RuleFor(x => x.NonTaxable!.Meals).WholeKrw("nonTaxable.meals").When(x => x.NonTaxable is not null);
            RuleFor(x => x.NonTaxable!.CarAllowance).WholeKrw("nonTaxable.carAllowance").When(x => x.NonTaxable is not null);
            RuleFor(x => x.NonTaxable!.Childcare).WholeKrw("nonTaxable.childcare").When(x => x.NonTaxable is not null);
            RuleFor(x => x.PostTaxDeductions).WholeKrw("postTaxDeductions");
        }
    }
}
