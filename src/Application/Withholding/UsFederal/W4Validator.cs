using FluentValidation;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>An employee's Form W-4 on its own (no wages): known version and status, amounts in range.</summary>
public sealed class W4Validator : AbstractValidator<WithholdingW4>
{
    public W4Validator()
    {
        RuleFor(x => x.Version).Must(v => WithholdingInputParser.TryParseRevision(v, out _)).WithErrorCode("withholding.w4_version_unknown")
            .WithMessage("W-4 version must be \"2020\" (a form from 2020 or later) or \"2019\" (a form from 2019 or earlier).");
        When(x => WithholdingInputParser.TryParseRevision(x.Version, out var r) && r == FormW4Revision.From2020, () =>
            RuleFor(x => x.FilingStatus).Must(s => WithholdingInputParser.TryParseFilingStatus(s, out _))
                .WithErrorCode(UsFederalErrors.FilingStatusUnknown.Code).WithMessage(UsFederalErrors.FilingStatusUnknown.Message));
        When(x => WithholdingInputParser.TryParseRevision(x.Version, out var r) && r == FormW4Revision.Before2020, () =>
        {
            RuleFor(x => x.MaritalStatus).Must(s => WithholdingInputParser.TryParseMaritalStatus(s, out _))
                .WithErrorCode(UsFederalErrors.MaritalStatusUnknown.Code).WithMessage(UsFederalErrors.MaritalStatusUnknown.Message);
            RuleFor(x => x.Allowances).InclusiveBetween(0, UsFederalRegime.MaxAllowances)
                .WithErrorCode(UsFederalErrors.AllowancesOutOfRange.Code).WithMessage(UsFederalErrors.AllowancesOutOfRange.Message);
        });
        RuleFor(x => x.Step3Dependents).ValidAmount();
        RuleFor(x => x.Step4aOtherIncome).ValidAmount();
        RuleFor(x => x.Step4bDeductions).ValidAmount();
        RuleFor(x => x.Step4cExtraWithholding).ValidAmount();
        RuleFor(x => x.ExtraWithholding).ValidAmount();
    }
}
