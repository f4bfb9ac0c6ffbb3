using PayrollPortal.Application.Common.Validation;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using PayrollPortal.Application.Common.Persistence;

namespace PayrollPortal.Api.Http;

/// <summary>
/// The one safety net for exceptions. Bad requests that the framework detects while binding (malformed JSON, wrong JSON types,
/// a missing body, wrong content type, an oversized body) become 4xx problems; a storage that cannot take writes (disk full,
/// I/O error, read-only, the SQLite file replaced) is a 503 that readiness also reports; anything else is a 500 without
/// internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger, IStorageFaults storage) : IExceptionHandler
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

        if (problem is null && storage.TryObserve(exception, out var reason))
        {
            LogStorageUnavailable(logger, context.Request.Method, context.Request.Path, reason);
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
            // The exception handler clears the request's endpoint; its feature keeps the one that failed.
            var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
            var body = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
            var message = JsonTypeErrors.Message(json, body);
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

    [GeneratedRegex("""Failed to bind parameter "\S+ (?<name>\w+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();

    [LoggerMessage(EventId = 503, Level = LogLevel.Error, Message = "Storage unavailable for {Method} {Path}: {Reason}")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
