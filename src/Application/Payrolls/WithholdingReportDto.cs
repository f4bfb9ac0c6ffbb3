using System.Text.Json.Serialization;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// A period's withholding liability from approved payrolls: how many employees were paid, and the figures the company's
/// regime reports, with their per-month breakdown.
/// </summary>
public sealed record WithholdingReportDto(
    Guid CompanyId,
    int Year,
    int? Quarter,
    int? Month,
    int EmployeeCount,
    string Regime,
    string Currency)
{
    /// <summary>The regime's figures (us-federal: <c>totals</c> and <c>months</c> for Form 941; kr: <c>kr</c>), serialised inline.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? RegimeMembers { get; init; }
}
