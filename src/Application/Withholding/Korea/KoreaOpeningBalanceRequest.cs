using FluentValidation;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>A kr opening balance in whole won: the year's taxable pay and the six deductions withheld on it so far.</summary>
public sealed record KoreaOpeningBalanceRequest(
    decimal? TaxablePay = null,
    decimal? NationalPension = null,
    decimal? HealthInsurance = null,
    decimal? LongTermCare = null,
    decimal? EmploymentInsurance = null,
    decimal? IncomeTax = null,
    decimal? LocalIncomeTax = null)
{
    public sealed class Validator : AbstractValidator<KoreaOpeningBalanceRequest>
    {
        public Validator()
        {
            Required(x => x.TaxablePay, "taxablePay");
            Required(x => x.NationalPension, "nationalPension");
            Required(x => x.HealthInsurance, "healthInsurance");
            Required(x => x.LongTermCare, "longTermCare");
            Required(x => x.EmploymentInsurance, "employmentInsurance");
            Required(x => x.IncomeTax, "incomeTax");
            Required(x => x.LocalIncomeTax, "localIncomeTax");
        }

        private void Required(System.Linq.Expressions.Expression<Func<KoreaOpeningBalanceRequest, decimal?>> amount, string name) =>
            RuleFor(amount).NotNull().WithErrorCode("opening_balance.amount_required").WithMessage($"{name} is required (0 when there is none).")
                .WholeKrw(name);
    }
}
