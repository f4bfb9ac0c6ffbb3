using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Observability;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence.Idempotency;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// The HTTP half of idempotency, around every write endpoint and before its command is sent (so before validation):
/// checks the header, fingerprints the request and holds the key. A completed key is replayed, a key used with another
/// fingerprint is 422, a key held by a running request is 409 with Retry-After (issue 21 moves these decisions into
/// IdempotencyBehavior). After the endpoint: a success was already stored inside the command's transaction (bound by
/// IdempotencyBehavior, written by UnitOfWorkBehavior before its commit); a 4xx is stored now; a 5xx or an exception
/// stores nothing. Either way the key is released, so the client can retry at once.
/// </summary>
internal sealed partial class IdempotencyFilter(IdempotencyOptions options, PayrollMetrics metrics, ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (key, error) = IdempotencyKeyHeader.Parse(http.Request.Headers[IdempotencyKeyHeader.Name]);
        if (error is not null)
        {
            return HeaderProblem(http, error);
        }

        if (key is null)
        {
            return options.RequireKeyOnPost && HttpMethods.IsPost(http.Request.Method)
                ? HeaderProblem(http, "This server requires an Idempotency-Key header on every POST.")
                : await next(context);
        }

        var services = http.RequestServices;
        var store = services.GetRequiredService<IdempotencyStore>();
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? string.Empty;
        var scope = new IdempotencyScope(services.GetRequiredService<ICurrentUser>().Caller.Id, http.Request.Method, route, key);
        var fingerprint = await RequestFingerprint.ComputeAsync(http, http.RequestAborted);

        var outcome = await store.ClaimAsync(scope, fingerprint, http.RequestAborted);
        switch (outcome)
        {
            case ClaimOutcome.Completed completed:
                metrics.IdempotentReplay();
                return new StoredResponseResult(completed.Response, completed.OriginalRequestId);
            case ClaimOutcome.FingerprintMismatch:
                metrics.IdempotencyKeyReuse();
                return TypedResults.Problem(ProblemResponses.Create(http, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reuse",
                    "Idempotency key reused", "This Idempotency-Key was already used with a different request (method, route values, query or body). Use a new key for a new request."));
            case ClaimOutcome.InFlight inFlight:
                metrics.IdempotencyInFlight();
                var seconds = Math.Max(1, (int)Math.Ceiling(inFlight.RetryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(ProblemResponses.Create(http, StatusCodes.Status409Conflict, "idempotency-key-in-flight",
                    "Request in progress", $"A request with this Idempotency-Key is still being processed. Retry after {seconds} s."));
        }

        var request = services.GetRequiredService<IdempotentRequest>();
        request.Claimed(scope, fingerprint);
        try
        {
            var result = await next(context);
            if (request.Completed is { } stored)
            {
                // The unit of work committed this response with the command's rows.
                return new StoredResponseResult(stored, null);
            }

            if (result is IResult endpointResult)
            {
                var captured = await ResponseCapture.CaptureAsync(endpointResult, http);
                if (captured.Status is >= 400 and < 500
                    && await store.StoreAsync(captured, fingerprint, http.TraceIdentifier, options.Retention, CancellationToken.None))
                {
                    return new StoredResponseResult(captured, null);
                }

                if (captured.Status is >= 200 and < 300)
                {
                    LogNotCompleted(logger, http.Request.Method, route);
                }
            }

            return result;
        }
        finally
        {
            await ReleaseAsync(store, scope);
        }
    }

    private static ProblemHttpResult HeaderProblem(HttpContext http, string message) =>
        TypedResults.Problem(ProblemResponses.CreateValidation(http, new Dictionary<string, string[]> { [IdempotencyKeyHeader.Name] = [message] }));

    private async Task ReleaseAsync(IdempotencyStore store, IdempotencyScope scope)
    {
        try
        {
            await store.ReleaseAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // A broken connection drops its advisory lock on the server anyway; the original failure matters more.
            LogReleaseFailed(logger, ex, scope.Key);
        }
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning,
        Message = "{Method} {Route} succeeded without completing its idempotency key; send commands through SendCommandAsync")]
    private static partial void LogNotCompleted(ILogger logger, string method, string route);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Could not release idempotency key {Key}; it frees itself when its lease ends")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string key);
}
