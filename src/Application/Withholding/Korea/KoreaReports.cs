using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>The six deductions of a month, a quarter or the whole year, in <c>kr</c>.</summary>
public sealed class KoreaReports(IKoreaReportQueries queries) : IWithholdingReports
{
    public string Regime => KoreaRegime.RegimeCode;

    public Error? CheckPeriod(int? quarter, int? month) => null;

    public async Task DescribeAsync(Guid companyId, int year, IReadOnlyList<int> months, IDictionary<string, object?> members, CancellationToken cancellationToken)
    {
        var found = (await queries.WithholdingByMonthAsync(companyId, year, months, cancellationToken)).ToDictionary(m => m.Month);
        var byMonth = months.Select(m => found.GetValueOrDefault(m) ?? KoreaWithholdingMonthDto.Empty(m)).ToArray();
        members["kr"] = new KoreaWithholdingReportDto(KoreaWithholdingMonthDto.Sum(byMonth), byMonth);
    }
}
