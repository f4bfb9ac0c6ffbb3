using System.Text.Json;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

/// <summary><c>payroll_lines.earnings</c>: a generated line's pay type, hours, rate and proration as one JSON document.</summary>
internal static class LineEarningsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string? Write(LineEarnings? earnings) => earnings is null ? null : JsonSerializer.Serialize(earnings, Options);

    public static LineEarnings? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<LineEarnings>(json, Options);
}
