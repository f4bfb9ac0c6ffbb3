using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayrollPortal.Application.OpeningBalances;

/// <summary>One record as sent: the core members, and the regime's amounts beside them.</summary>
/// <param name="Period">The month whose totals the record carries, <c>yyyy-MM</c>; without it, the as-of month.</param>
public sealed record OpeningBalanceRequest(Guid? EmployeeId, int? TaxYear, DateOnly? AsOf, string? Period = null)
{
    /// <summary>Every other member: the regime's amounts.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>Where the record came from, for error fields: <c>rows[2]</c> for a CSV's spreadsheet row 2; null for JSON.</summary>
    [JsonIgnore]
    public string? Label { get; init; }
}
