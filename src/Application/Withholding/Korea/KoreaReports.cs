using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// The six deductions of a month, a quarter or the whole year, in <c>kr</c>; and the approved business-income sheets' totals
/// (payees, amount, income tax, local income tax) in <c>businessIncome</c>; the opening balances carried in for the period's
/// months on their own line, <c>krCarriedIn</c> (docs/IMPORTS.md).
/// </summary>
public sealed class KoreaReports(IKoreaReportQueries queries, IBusinessIncomeStore businessIncome, IOpeningBalanceStore openingBalances) : IWithholdingReports
{
    public string Regime => KoreaRegime.RegimeCode;

    public Error? CheckPeriod(int? quarter, int? month) => null;

    public async Task DescribeAsync(Guid companyId, int year, IReadOnlyList<int> months, IDictionary<string, object?> members, CancellationToken cancellationToken)
    {
        var found = (await queries.WithholdingByMonthAsync(companyId, year, months, cancellationToken)).ToDictionary(m => m.Month);
        var byMonth = months.Select(m => found.GetValueOrDefault(m) ?? KoreaWithholdingMonthDto.Empty(m)).ToArray();
        members["kr"] = new KoreaWithholdingReportDto(KoreaWithholdingMonthDto.Sum(byMonth), byMonth);
        var carried = (await openingBalances.EffectiveAsync(companyId, year, null, cancellationToken)).Where(b => months.Contains(b.PeriodMonth)).ToList();
        var carriedByMonth = months.Select(m => CarriedIn(m, carried.Where(b => b.PeriodMonth == m).ToList())).ToArray();
        members["krCarriedIn"] = new KoreaWithholdingReportDto(KoreaWithholdingMonthDto.Sum(carriedByMonth), carriedByMonth);

        var paid = (await businessIncome.ApprovedTotalsAsync(companyId, year, months, cancellationToken)).ToDictionary(m => m.Month);
        var paidByMonth = months.Select(m => paid.GetValueOrDefault(m) ?? BusinessIncomeMonthDto.Empty(m)).ToArray();
        var payees = paid.Count == 0 ? 0 : await businessIncome.ApprovedPayeesAsync(companyId, year, months, cancellationToken);
        members["businessIncome"] = new BusinessIncomeReportDto(
            payees, paidByMonth.Sum(m => m.Amount), paidByMonth.Sum(m => m.IncomeTax), paidByMonth.Sum(m => m.LocalIncomeTax), paidByMonth);
    }

    private static KoreaWithholdingMonthDto CarriedIn(int month, IReadOnlyList<OpeningBalance> balances)
    {
        long Won(string name) => balances.Sum(b => b[name]);
        var taxable = Won(KoreaOpeningBalances.TaxablePay);
        return new KoreaWithholdingMonthDto(
            month, taxable, taxable, Won("nationalPension"), Won("healthInsurance"), Won("longTermCare"), Won("employmentInsurance"), Won("incomeTax"),
            Won("localIncomeTax"), KoreaOpeningBalances.Deductions.Sum(Won), 0);
    }
}
