using System.Text.Json;
using System.Text.Json.Serialization;
using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// One line as a client posts it: the employee, and the fields of the company's regime (<c>grossWages</c> and the US
/// deductions for us-federal; <c>basePay</c>, allowances and <c>bonus</c> for kr), which the regime reads and validates.
/// </summary>
[JsonConverter(typeof(PayrollLineRequestConverter))]
public sealed record PayrollLineRequest(Guid? EmployeeId)
{
    /// <summary>The regime's fields, for senders that are not HTTP (the CLI, tests): every member besides the employee.</summary>
    public Dictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>The line as posted, when it came as JSON: its regime fields are read from it directly.</summary>
    internal JsonElement? Posted { get; init; }

    /// <summary>True when the posted <c>employeeId</c> was not an id (its validator reports it under the line's field).</summary>
    internal bool EmployeeIdUnreadable { get; init; }

    public RegimeFields RegimeFields => Posted is { } posted ? RegimeFields.Of(posted, PayrollLineRequestConverter.EmployeeId) : new(Fields);
}
