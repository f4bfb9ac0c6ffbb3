using PayrollPortal.Application.Imports;
using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>A kr opening balance: taxable pay and the six deductions withheld so far, in whole won.</summary>
public sealed class KoreaOpeningBalances : IOpeningBalanceFields
{
    public const string TaxablePay = "taxablePay";

    public static readonly string[] Deductions = ["nationalPension", "healthInsurance", "longTermCare", "employmentInsurance", "incomeTax", "localIncomeTax"];

    private static readonly KoreaOpeningBalanceRequest.Validator Rules = new();

    public string Regime => KoreaRegime.RegimeCode;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(TaxablePay, ImportColumnKind.Number, "15000000", "과세 급여: taxable pay in the period, in whole won."),
        new("nationalPension", ImportColumnKind.Number, "712500", "국민연금 withheld from the employee, in whole won."),
        new("healthInsurance", ImportColumnKind.Number, "539250", "건강보험 withheld from the employee, in whole won."),
        new("longTermCare", ImportColumnKind.Number, "70850", "장기요양보험 withheld from the employee, in whole won."),
        new("employmentInsurance", ImportColumnKind.Number, "135000", "고용보험 withheld from the employee, in whole won."),
        new("incomeTax", ImportColumnKind.Number, "420000", "소득세 withheld, in whole won."),
        new("localIncomeTax", ImportColumnKind.Number, "42000", "지방소득세 withheld, in whole won."),
    ];

    public Result<IReadOnlyDictionary<string, long>> Read(RegimeFields fields, string prefix)
    {
        var read = fields.Read(prefix, OpeningBalanceErrors.UnknownField, Rules);
        if (!read.IsSuccess)
        {
            return Result<IReadOnlyDictionary<string, long>>.Failure(read.Errors);
        }

        var r = read.Value!;
        return new Dictionary<string, long>
        {
            [TaxablePay] = KrwAmount.ToKrw(r.TaxablePay),
            ["nationalPension"] = KrwAmount.ToKrw(r.NationalPension),
            ["healthInsurance"] = KrwAmount.ToKrw(r.HealthInsurance),
            ["longTermCare"] = KrwAmount.ToKrw(r.LongTermCare),
            ["employmentInsurance"] = KrwAmount.ToKrw(r.EmploymentInsurance),
            ["incomeTax"] = KrwAmount.ToKrw(r.IncomeTax),
            ["localIncomeTax"] = KrwAmount.ToKrw(r.LocalIncomeTax),
        };
    }

    public IReadOnlyList<PayslipItem> PayslipItems(IReadOnlyDictionary<string, long> amounts) =>
    [
        new(PayslipSection.Earnings, "basePay", "기본급 Base pay", amounts.GetValueOrDefault(TaxablePay)),
        new(PayslipSection.Taxes, "nationalPension", "국민연금 National pension", amounts.GetValueOrDefault("nationalPension")),
        new(PayslipSection.Taxes, "healthInsurance", "건강보험 Health insurance", amounts.GetValueOrDefault("healthInsurance")),
        new(PayslipSection.Taxes, "longTermCare", "장기요양보험 Long-term care insurance", amounts.GetValueOrDefault("longTermCare")),
        new(PayslipSection.Taxes, "employmentInsurance", "고용보험 Employment insurance", amounts.GetValueOrDefault("employmentInsurance")),
        new(PayslipSection.Taxes, "incomeTax", "소득세 Income tax", amounts.GetValueOrDefault("incomeTax")),
        new(PayslipSection.Taxes, "localIncomeTax", "지방소득세 Local income tax", amounts.GetValueOrDefault("localIncomeTax")),
    ];
}
