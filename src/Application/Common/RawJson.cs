using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayrollPortal.Application.Common;

/// <summary>
/// JSON the application wrote itself and stored as text (a line's withholding trace), written into a response as it is.
/// Parsing it back into a <see cref="JsonElement"/> only to serialise it again cost a 5,000-line payroll about 10 MiB of
/// allocation per post (bench/README.md, "Payrolls").
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly record struct RawJson(string Json)
{
    public override string ToString() => Json;
}

/// <summary>Writes <see cref="RawJson"/> verbatim; reading one keeps the text of whatever value comes.</summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(document.RootElement.GetRawText());
    }

    // The text was serialised by this application (never taken from a request), so it is not validated again.
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
