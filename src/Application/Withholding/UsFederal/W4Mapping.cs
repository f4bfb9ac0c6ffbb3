using PayrollPortal.Application.Common;
using System.Text;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>Between the domain's Form W-4 and the API's shape (the same shape the preview API takes).</summary>
public static class W4Mapping
{
    public static WithholdingW4 ToDto(FormW4 form) => form switch
    {
        FormW4From2020 f => new WithholdingW4("2020", ToText(f.FilingStatus), f.Step2Checkbox, f.Step3Dependents, f.Step4aOtherIncome,
            f.Step4bDeductions, f.Step4cExtraWithholding, Exempt: f.Exempt),
        FormW4Before2020 f => new WithholdingW4("2019", MaritalStatus: ToText(f.MaritalStatus), Allowances: f.Allowances,
            ExtraWithholding: f.ExtraWithholding, Exempt: f.Exempt),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form.GetType().Name, "Unknown W-4 revision."),
    };

    public static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumText.ToText(value);

    public static FormW4? ToForm(WithholdingW4 w4) => WithholdingInputParser.ToFormW4(w4, exemptAtTopLevel: null);
}
