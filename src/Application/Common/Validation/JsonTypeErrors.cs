using System.Text.Json;
using System.Text.RegularExpressions;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Validation;

/// <summary>What a client should send, in words, when System.Text.Json could not read a value into its CLR type.</summary>
public static partial class JsonTypeErrors
{
    public static Error From(string field, JsonException exception) =>
        Error.Validation("json.invalid", Message(exception), string.IsNullOrEmpty(field) ? "body" : field);

    public static string Message(JsonException exception)
    {
        var conversion = ConversionFailure().Match(exception.Message);
        return conversion.Success
            ? $"The value has the wrong JSON type: expected {Describe(conversion.Groups["type"].Value)}."
            : $"The request body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).";
    }

    public static string Describe(string clrType)
    {
        var type = clrType.Replace("System.Nullable`1[", string.Empty, StringComparison.Ordinal).TrimEnd(']');
        return type switch
        {
            "System.DateOnly" => "a date as yyyy-MM-dd",
            "System.DateTimeOffset" or "System.DateTime" => "an ISO-8601 instant",
            "System.Decimal" or "System.Double" => "a number",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Boolean" => "true or false",
            "System.String" => "a string",
            "System.Guid" => "an id",
            _ when type.Contains("Collections", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
    }

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.? Path", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
