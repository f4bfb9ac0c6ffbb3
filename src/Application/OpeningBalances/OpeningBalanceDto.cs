using System.Text.Json.Serialization;

namespace PayrollPortal.Application.OpeningBalances;

/// <summary>A recorded opening balance; its amounts inline, in the company's currency.</summary>
/// <param name="EmployeeId">The employee the record belongs to, however the request named them.</param>
/// <param name="EmployeeNumber">That employee's number in the company, null when they have none.</param>
public sealed record OpeningBalanceDto(Guid Id, Guid EmployeeId, string? EmployeeNumber, int TaxYear, DateOnly AsOf, string Period, DateTimeOffset RecordedAt)
{
    [JsonExtensionData]
    public IDictionary<string, object?>? Amounts { get; init; }
}
