using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Regimes;

/// <summary>A regime's withholding report: the figures its filers need for a period of approved payrolls.</summary>
public interface IWithholdingReports : IRegimePart
{
    /// <summary>The periods the regime reports on (a month or a quarter; kr also a whole year); null when the request is fine.</summary>
    Error? CheckPeriod(int? quarter, int? month);

    /// <summary>Writes the report's regime members for the months of <paramref name="year"/>.</summary>
    Task DescribeAsync(Guid companyId, int year, IReadOnlyList<int> months, IDictionary<string, object?> members, CancellationToken cancellationToken);
}
