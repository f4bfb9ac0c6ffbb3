using FluentValidation;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Validation;

namespace PayrollPortal.TestSupport.FlatTax;

public static class FlatTaxFields
{
    public static readonly string[] TaxCodes = ["A", "B", "NT"];

    public sealed record Hire(string? TaxId, string? TaxCode, string? PayFrequency);

    public sealed record Change(Optional<string?> TaxId, Optional<string?> TaxCode, Optional<DateOnly?> TaxCodeEffectiveDate);

    public sealed record Line(decimal? GrossWages, decimal? Bonus = null, decimal? PostTaxDeductions = null);

    public sealed class HireRules : AbstractValidator<Hire>
    {
        public HireRules()
        {
            RuleFor(x => x.TaxId).Must(ValidTaxId).WithErrorCode("flat.tax_id_invalid").WithMessage("taxId must be eight digits.");
            RuleFor(x => x.TaxCode).Must(c => TaxCodes.Contains(c)).WithErrorCode("flat.tax_code_unknown").WithMessage("taxCode must be A, B or NT.");
            RuleFor(x => x.PayFrequency).Must(f => EnumText.TryParse(f, out Domain.Withholding.PayFrequency _))
                .WithErrorCode("employee.pay_frequency_unknown").WithMessage("payFrequency is required.");
        }
    }

    public sealed class ChangeRules : AbstractValidator<Change>
    {
        public ChangeRules()
        {
            RuleFor(x => x.TaxId.Value).Must(ValidTaxId).When(x => x.TaxId.HasValue).OverridePropertyName("taxId")
                .WithErrorCode("flat.tax_id_invalid").WithMessage("taxId must be eight digits.");
            RuleFor(x => x.TaxCode.Value).Must(c => TaxCodes.Contains(c)).When(x => x.TaxCode.HasValue).OverridePropertyName("taxCode")
                .WithErrorCode("flat.tax_code_unknown").WithMessage("taxCode must be A, B or NT.");
            RuleFor(x => x.TaxCodeEffectiveDate.Value).NotNull().When(x => x.TaxCode.HasValue).OverridePropertyName("taxCodeEffectiveDate")
                .WithErrorCode("flat.effective_date_required").WithMessage("A new taxCode needs taxCodeEffectiveDate.");
        }
    }

    public sealed class LineRules : AbstractValidator<Line>
    {
        public LineRules()
        {
            RuleFor(x => x.GrossWages).NotNull().WithErrorCode("payroll.gross_wages_required").WithMessage("grossWages is required.");
            RuleFor(x => x.GrossWages).ValidAmount();
            RuleFor(x => x.Bonus).ValidAmount();
            RuleFor(x => x.PostTaxDeductions).ValidAmount();
        }
    }

    private static bool ValidTaxId(string? id) => id is { Length: 8 } && id.All(char.IsAsciiDigit);
}
