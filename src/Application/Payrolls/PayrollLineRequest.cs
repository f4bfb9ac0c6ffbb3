using System.Text.Json;
using System.Text.Json.Serialization;
using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// One line as a client posts it: the employee, and the fields of the company's regime (<c>grossWages</c> and the US
/// deductions for us-federal; <c>basePay</c>, allowances and <c>bonus</c> for kr), which the regime reads and validates.
/// </summary>
public sealed record PayrollLineRequest(Guid? EmployeeId)
{
    /// <summary>Every member besides <see cref="EmployeeId"/>: the regime's fields.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    public RegimeFields RegimeFields => new(Fields);
}
