using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Reads a posted line as one JSON element and takes its <c>employeeId</c> from it; the regime later reads its own fields
/// from the same element. The default binding kept the regime's members as a dictionary of separately parsed elements,
/// which a 5,000-line payroll paid for twice (bench/README.md "Payrolls").
/// </summary>
public sealed class PayrollLineRequestConverter : JsonConverter<PayrollLineRequest>
{
    internal const string EmployeeId = "employeeId";

    public override PayrollLineRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // No message: the serializer words it ("could not be converted to ...PayrollLineRequest") and adds the path.
            throw new JsonException();
        }

        var line = JsonElement.ParseValue(ref reader);
        Guid? employeeId = null;
        var unreadable = false;
        foreach (var member in line.EnumerateObject())
        {
            if (!member.Name.Equals(EmployeeId, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                continue;
            }

            switch (member.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    employeeId = null;
                    break;
                case JsonValueKind.String when member.Value.TryGetGuid(out var id):
                    employeeId = id;
                    break;
                default:
                    unreadable = true;
                    break;
            }
        }

        return new PayrollLineRequest(employeeId) { Posted = line, EmployeeIdUnreadable = unreadable };
    }

    public override void Write(Utf8JsonWriter writer, PayrollLineRequest value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(EmployeeId);
        JsonSerializer.Serialize(writer, value.EmployeeId, options);
        if (value.Posted is { } posted)
        {
            foreach (var member in posted.EnumerateObject())
            {
                if (!member.Name.Equals(EmployeeId, StringComparison.OrdinalIgnoreCase))
                {
                    member.WriteTo(writer);
                }
            }
        }
        else
        {
            foreach (var (name, element) in value.Fields ?? [])
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
