using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Validation;

/// <summary>What a client should send, in words, when System.Text.Json could not read a value into its CLR type.</summary>
public static partial class JsonTypeErrors
{
    /// <param name="root">The type being read, to name the failing field's own type (see <see cref="Message"/>).</param>
    public static Error From(string field, JsonException exception, Type? root = null) =>
        Error.Validation("json.invalid", Message(exception, root), string.IsNullOrEmpty(field) ? "body" : field);

    /// <summary>
    /// System.Text.Json names the record being built, not the field, when a record's constructor parameter fails
    /// (<c>"ssn": 123</c> would read "expected an object"), so the field's declared type is looked up from
    /// <paramref name="root"/> along the exception's path when it can be.
    /// </summary>
    public static string Message(JsonException exception, Type? root = null)
    {
        var conversion = ConversionFailure().Match(exception.Message);
        if (!conversion.Success)
        {
            return $"The request body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).";
        }

        var path = exception.Path is null or "$" ? string.Empty : exception.Path.TrimStart('$').TrimStart('.');
        var declared = root is null || path.Length == 0 ? null : DeclaredTypeAt(root, path);
        return $"The value has the wrong JSON type: expected {Describe(declared ?? conversion.Groups["type"].Value)}.";
    }

    private static string Describe(string clrType)
    {
        // Nullable<T> and the PATCH bodies' Optional<T> are wrappers: describe what they hold ("ssn": 123 wants a string).
        var type = clrType.Replace("System.Nullable`1[", string.Empty, StringComparison.Ordinal)
            .Replace("PayrollPortal.Application.Common.Optional`1[", string.Empty, StringComparison.Ordinal).TrimEnd(']');
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

    /// <summary>The declared type of the member at <paramref name="path"/> (<c>lines[2].grossWages</c>) below <paramref name="root"/>.</summary>
    private static string? DeclaredTypeAt(Type root, string path)
    {
        Type? type = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = type?.GetProperty(name, BindingFlags.IgnoreCase | BindingFlags.Public | BindingFlags.Instance);
            type = property is null ? null : Unwrapped(property.PropertyType);
            if (type is not null && segment.Contains('[', StringComparison.Ordinal))
            {
                type = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
            }
        }

        return type?.FullName;
    }

    private static Type Unwrapped(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Nullable<>) || type.GetGenericTypeDefinition() == typeof(Optional<>))
            ? Unwrapped(type.GetGenericArguments()[0])
            : type;

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.? Path", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
