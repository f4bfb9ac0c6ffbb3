using PayrollPortal.Application.Imports;
using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// A us-federal opening balance: wages and the taxes withheld so far, stored in cents. The year-to-date source
/// readers take the Social Security and Medicare wages towards the wage base and the Additional Medicare threshold.
/// </summary>
public sealed class UsFederalOpeningBalances : IOpeningBalanceFields
{
    public const string Wages = "wages";
    public const string FederalIncomeTaxWages = "federalIncomeTaxWages";
    public const string SocialSecurityWages = "socialSecurityWages";
    public const string MedicareWages = "medicareWages";
    public const string FederalIncomeTax = "federalIncomeTax";
    public const string SocialSecurity = "socialSecurity";
    public const string Medicare = "medicare";
    public const string AdditionalMedicare = "additionalMedicare";
    public const string SupplementalWages = "supplementalWages";
    public const string SocialSecurityEmployer = "socialSecurityEmployer";
    public const string MedicareEmployer = "medicareEmployer";

    private static readonly UsOpeningBalanceRequest.Validator Rules = new();

    public string Regime => UsFederalRegime.RegimeCode;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Wages, ImportColumnKind.Number, "24000.00", "Gross wages paid in the period, in dollars."),
        new(FederalIncomeTaxWages, ImportColumnKind.Number, "22800.00", "Wages subject to federal income tax; empty means the same as wages."),
        new(SocialSecurityWages, ImportColumnKind.Number, "22800.00", "Wages counted towards the Social Security wage base."),
        new(MedicareWages, ImportColumnKind.Number, "22800.00", "Wages counted towards the Additional Medicare threshold."),
        new(FederalIncomeTax, ImportColumnKind.Number, "2400.00", "Federal income tax withheld."),
        new(SocialSecurity, ImportColumnKind.Number, "1413.60", "Social Security tax withheld from the employee."),
        new(Medicare, ImportColumnKind.Number, "330.60", "Medicare tax withheld from the employee."),
        new(AdditionalMedicare, ImportColumnKind.Number, "0.00", "Additional Medicare tax withheld."),
        new(SupplementalWages, ImportColumnKind.Number, "0.00", "Supplemental wages (bonuses) included in wages."),
        new(SocialSecurityEmployer, ImportColumnKind.Number, "1413.60", "The employer's Social Security share; empty means the same as the employee's."),
        new(MedicareEmployer, ImportColumnKind.Number, "330.60", "The employer's Medicare share; empty means the same as the employee's."),
    ];

    public Result<IReadOnlyDictionary<string, long>> Read(RegimeFields fields, string prefix)
    {
        var read = fields.Read(prefix, OpeningBalanceErrors.UnknownField, Rules);
        if (!read.IsSuccess)
        {
            return Result<IReadOnlyDictionary<string, long>>.Failure(read.Errors);
        }

        var r = read.Value!;
        static long Cents(decimal? amount) => Money.FromDecimal(amount ?? 0).Cents;
        return new Dictionary<string, long>
        {
            [Wages] = Cents(r.Wages),
            [FederalIncomeTaxWages] = Cents(r.FederalIncomeTaxWages ?? r.Wages),
            [SocialSecurityWages] = Cents(r.SocialSecurityWages),
            [MedicareWages] = Cents(r.MedicareWages),
            [FederalIncomeTax] = Cents(r.FederalIncomeTax),
            [SocialSecurity] = Cents(r.SocialSecurity),
            [Medicare] = Cents(r.Medicare),
            [AdditionalMedicare] = Cents(r.AdditionalMedicare),
            [SupplementalWages] = Cents(r.SupplementalWages),
            [SocialSecurityEmployer] = Cents(r.SocialSecurityEmployer ?? r.SocialSecurity),
            [MedicareEmployer] = Cents(r.MedicareEmployer ?? r.Medicare),
        };
    }

    public IReadOnlyList<PayslipItem> PayslipItems(IReadOnlyDictionary<string, long> amounts)
    {
        long A(string name) => amounts.GetValueOrDefault(name);
        return
        [
            new(PayslipSection.Earnings, "regularPay", "Regular pay", A(Wages) - A(SupplementalWages)),
            new(PayslipSection.Earnings, "supplementalWages", "Supplemental pay (bonus)", A(SupplementalWages)),
            new(PayslipSection.Taxes, "federalIncomeTax", "Federal income tax", A(FederalIncomeTax)),
            new(PayslipSection.Taxes, "socialSecurity", "Social Security", A(SocialSecurity)),
            new(PayslipSection.Taxes, "medicare", "Medicare", A(Medicare)),
            new(PayslipSection.Taxes, "additionalMedicare", "Additional Medicare", A(AdditionalMedicare)),
        ];
    }
}
