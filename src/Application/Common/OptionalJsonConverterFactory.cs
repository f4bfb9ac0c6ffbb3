using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayrollPortal.Application.Common;

/// <summary>
/// Reads <see cref="Optional{T}"/>: the converter runs only for properties present in the JSON, so an omitted property
/// stays absent while an explicit null becomes present-and-null.
/// </summary>
public sealed class OptionalJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return Optional<T>.Of(JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            catch (JsonException inner) when (inner.Path is null or "$")
            {
                // The value itself has the wrong type ("ssn": 123): a bare exception lets the serializer name the
                // property's path, where the nested call could only say "$".
                throw new JsonException(null, inner);
            }
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
