using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Http;

/// <summary>
/// The one safety net for exceptions. Bad requests that the framework detects while binding (malformed JSON, wrong JSON types,
/// a missing body, wrong content type, an oversized body) become 4xx problems; a storage that cannot take writes (disk full,
/// I/O error, read-only, the SQLite file replaced) is a 503 that readiness also reports; anything else is a 500 without
/// internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger, StorageFaults storage) : IExceptionHandler
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

        if (problem is null && storage.Observe(exception))
        {
            LogStorageUnavailable(logger, context.Request.Method, context.Request.Path, StorageFaults.Describe(exception)!);
            problem = ProblemResponses.Create(context, StatusCodes.Status503ServiceUnavailable, "storage-unavailable", "Storage unavailable",
                "The database cannot store data right now; nothing was saved. Try again later.");
            context.Response.Headers.RetryAfter = "30";
        }

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
                ? $"The value has the wrong JSON type: expected {Describe(conversion.Groups["type"].Value)}."
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

    /// <summary>What a client should send, in words, for the CLR type System.Text.Json failed to read.</summary>
    private static string Describe(string clrType)
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

    [GeneratedRegex("""Failed to bind parameter "\S+ (?<name>\w+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();

    [LoggerMessage(EventId = 503, Level = LogLevel.Error, Message = "Storage unavailable for {Method} {Path}: {Reason}")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
