using FluentValidation;
using PayrollPortal.Application.Common.Validation;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>A us-federal payroll line's fields, per pay period; anything left out is zero.</summary>
public sealed record UsFederalLineRequest(
    decimal? GrossWages,
    decimal? SupplementalWages = null,
    WithholdingPreTaxDeductions? PreTaxDeductions = null,
    decimal? PostTaxDeductions = null)
{
    public sealed class Validator : AbstractValidator<UsFederalLineRequest>
    {
        public Validator()
        {
            RuleFor(x => x.GrossWages).NotNull().WithErrorCode("payroll.gross_wages_required").WithMessage("grossWages is required.");
            RuleFor(x => x.GrossWages).ValidAmount();
            RuleFor(x => x.SupplementalWages).ValidAmount();
            RuleFor(x => x.PostTaxDeductions).ValidAmount();
            RuleFor(x => x.PreTaxDeductions!.Retirement).ValidAmount().When(x => x.PreTaxDeductions is not null);
            RuleFor(x => x.PreTaxDeductions!.Cafeteria).ValidAmount().When(x => x.PreTaxDeductions is not null);
            RuleFor(x => x.PreTaxDeductions!.Hsa).ValidAmount().When(x => x.PreTaxDeductions is not null);
        }
    }
}
