using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// The Form 941 figures of a month or a quarter: <c>totals</c> and <c>months</c>; per work state, <c>states</c>; and on their
/// own line the opening balances carried in for the period's months, <c>carriedIn</c> and <c>carriedInMonths</c>
/// (docs/IMPORTS.md): the period's figures are <c>totals</c> plus <c>carriedIn</c>.
/// </summary>
public sealed class UsFederalReports(IUsFederalReportQueries queries, IOpeningBalanceStore openingBalances) : IWithholdingReports
{
    public string Regime => UsFederalRegime.RegimeCode;

    public Error? CheckPeriod(int? quarter, int? month) => quarter is null && month is null ? ReportErrors.PeriodRequired : null;

    public async Task DescribeAsync(Guid companyId, int year, IReadOnlyList<int> months, IDictionary<string, object?> members, CancellationToken cancellationToken)
    {
        var found = (await queries.WithholdingByMonthAsync(companyId, year, months, cancellationToken)).ToDictionary(m => m.Month);
        var byMonth = months.Select(m => found.GetValueOrDefault(m) ?? new WithholdingMonthDto(m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).ToArray();
        members["totals"] = Sum(byMonth);
        members["months"] = byMonth;
        members["states"] = await queries.StatesAsync(companyId, year, months, cancellationToken);

        var carried = (await openingBalances.EffectiveAsync(companyId, year, null, cancellationToken)).Where(b => months.Contains(b.PeriodMonth)).ToList();
        var carriedByMonth = months.Select(m => CarriedIn(m, carried.Where(b => b.PeriodMonth == m).ToList())).ToArray();
        members["carriedIn"] = Sum(carriedByMonth);
        members["carriedInMonths"] = carriedByMonth;
    }

    private static WithholdingMonthDto CarriedIn(int month, IReadOnlyList<OpeningBalance> balances)
    {
        decimal Dollars(string name) => balances.Sum(b => b[name]) / 100m;
        var liability = Dollars(UsFederalOpeningBalances.FederalIncomeTax) + Dollars(UsFederalOpeningBalances.SocialSecurity)
            + Dollars(UsFederalOpeningBalances.SocialSecurityEmployer) + Dollars(UsFederalOpeningBalances.Medicare)
            + Dollars(UsFederalOpeningBalances.MedicareEmployer) + Dollars(UsFederalOpeningBalances.AdditionalMedicare);
        return new WithholdingMonthDto(
            month, Dollars(UsFederalOpeningBalances.Wages), Dollars(UsFederalOpeningBalances.FederalIncomeTaxWages), Dollars(UsFederalOpeningBalances.FederalIncomeTax),
            Dollars(UsFederalOpeningBalances.SocialSecurityWages), Dollars(UsFederalOpeningBalances.SocialSecurity), Dollars(UsFederalOpeningBalances.SocialSecurityEmployer),
            Dollars(UsFederalOpeningBalances.MedicareWages), Dollars(UsFederalOpeningBalances.Medicare), Dollars(UsFederalOpeningBalances.MedicareEmployer),
            Dollars(UsFederalOpeningBalances.AdditionalMedicare), liability, 0);
    }

    private static WithholdingMonthDto Sum(IReadOnlyList<WithholdingMonthDto> byMonth) =>
        new(
            0,
            byMonth.Sum(m => m.Wages),
            byMonth.Sum(m => m.FederalIncomeTaxWages),
            byMonth.Sum(m => m.FederalIncomeTax),
            byMonth.Sum(m => m.SocialSecurityWages),
            byMonth.Sum(m => m.SocialSecurityEmployee),
            byMonth.Sum(m => m.SocialSecurityEmployer),
            byMonth.Sum(m => m.MedicareWages),
            byMonth.Sum(m => m.MedicareEmployee),
            byMonth.Sum(m => m.MedicareEmployer),
            byMonth.Sum(m => m.AdditionalMedicare),
            byMonth.Sum(m => m.TotalLiability),
            byMonth.Sum(m => m.PayrollCount));
}
