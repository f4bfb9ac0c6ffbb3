using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>The Form 941 figures of a month or a quarter: <c>totals</c> and <c>months</c>; and per work state, <c>states</c>.</summary>
public sealed class UsFederalReports(IUsFederalReportQueries queries) : IWithholdingReports
{
    public string Regime => UsFederalRegime.RegimeCode;

    public Error? CheckPeriod(int? quarter, int? month) => quarter is null && month is null ? ReportErrors.PeriodRequired : null;

    public async Task DescribeAsync(Guid companyId, int year, IReadOnlyList<int> months, IDictionary<string, object?> members, CancellationToken cancellationToken)
    {
        var found = (await queries.WithholdingByMonthAsync(companyId, year, months, cancellationToken)).ToDictionary(m => m.Month);
        var byMonth = months.Select(m => found.GetValueOrDefault(m) ?? new WithholdingMonthDto(m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).ToArray();
        members["totals"] = new WithholdingMonthDto(
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
        members["months"] = byMonth;
        members["states"] = await queries.StatesAsync(companyId, year, months, cancellationToken);
    }
}
