using System.Text.Json.Serialization;

namespace PayrollPortal.Application.OpeningBalances;

/// <summary>A recorded opening balance; its amounts inline, in the company's currency.</summary>
public sealed record OpeningBalanceDto(Guid Id, Guid EmployeeId, int TaxYear, DateOnly AsOf, string Period, DateTimeOffset RecordedAt)
{
    [JsonExtensionData]
    public IDictionary<string, object?>? Amounts { get; init; }
}
