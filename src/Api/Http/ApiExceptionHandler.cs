using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace PayrollPortal.Api.Http;

/// <summary>
/// The one safety net for exceptions. Bad requests that the framework detects while binding (malformed JSON, wrong JSON types,
/// a missing body, wrong content type, an oversized body) become 4xx problems; anything else is a 500 without internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }

        var problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(context, bad),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            problem = ProblemResponses.Create(context, StatusCodes.Status500InternalServerError, "unexpected", "Unexpected error",
                "The server could not complete the request. Quote the requestId when reporting it.");
        }

        await ProblemResponses.WriteAsync(context, problem);
        return true;
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails FromBadRequest(HttpContext context, BadHttpRequestException bad)
    {
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return ProblemResponses.Create(context, 413, "payload-too-large", "Request body too large", "The request body is larger than the limit.");
            case StatusCodes.Status415UnsupportedMediaType:
                return ProblemResponses.Create(context, 415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as JSON with Content-Type: application/json.");
        }

        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$').TrimStart('.');
            var conversion = ConversionFailure().Match(json.Message);
            var message = conversion.Success
                ? $"The value has the wrong JSON type: expected {Describe(DeclaredTypeAt(context, field) ?? conversion.Groups["type"].Value)}."
                : $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";
            return ProblemResponses.CreateValidation(context, new Dictionary<string, string[]> { [field] = [message] });
        }

        var parameter = BindFailure().Match(bad.Message);
        if (parameter.Success)
        {
            return ProblemResponses.CreateValidation(context, new Dictionary<string, string[]>
            {
                [parameter.Groups["name"].Value] = [$"'{parameter.Groups["value"].Value}' is not a valid value."],
            });
        }

        return ProblemResponses.CreateValidation(context, new Dictionary<string, string[]> { ["body"] = ["A JSON request body is required."] });
    }

    /// <summary>
    /// The declared type of the field at <paramref name="path"/> in the endpoint's request body. System.Text.Json names
    /// the record being built, not the field, when a record's constructor parameter fails ("ssn": 123 would read
    /// "expected an object"), so the field's own type is looked up instead.
    /// </summary>
    private static string? DeclaredTypeAt(HttpContext context, string path)
    {
        // The exception handler clears the request's endpoint; its feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = type?.GetProperty(name, System.Reflection.BindingFlags.IgnoreCase | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
            type = property is null ? null : Unwrapped(property.PropertyType);
            if (type is not null && segment.Contains('[', StringComparison.Ordinal))
            {
                type = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
            }
        }

        return type?.FullName;
    }

    private static Type Unwrapped(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Nullable<>) || type.GetGenericTypeDefinition() == typeof(Application.Common.Optional<>))
            ? Unwrapped(type.GetGenericArguments()[0])
            : type;

    /// <summary>What a client should send, in words, for the CLR type System.Text.Json failed to read.</summary>
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

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.? Path", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();

    [GeneratedRegex("""Failed to bind parameter "\S+ (?<name>\w+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
