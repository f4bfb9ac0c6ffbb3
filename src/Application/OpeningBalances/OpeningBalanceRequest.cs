using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayrollPortal.Application.OpeningBalances;

/// <summary>One record as sent: the core members, and the regime's amounts beside them.</summary>
/// <param name="EmployeeId">The employee's id; or leave it out and give <paramref name="EmployeeNumber"/>.</param>
/// <param name="Period">The month whose totals the record carries, <c>yyyy-MM</c>; without it, the as-of month.</param>
/// <param name="EmployeeNumber">
/// The company's own number for the employee (what a company moving in knows, as the employee import stored it), in place of
/// <paramref name="EmployeeId"/>; with both, they must name the same employee.
/// </param>
public sealed record OpeningBalanceRequest(Guid? EmployeeId, int? TaxYear, DateOnly? AsOf, string? Period = null, string? EmployeeNumber = null)
{
    /// <summary>Every other member: the regime's amounts.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>Where the record came from, for error fields: <c>rows[2]</c> for a CSV's spreadsheet row 2; null for JSON.</summary>
    [JsonIgnore]
    public string? Label { get; init; }
}
