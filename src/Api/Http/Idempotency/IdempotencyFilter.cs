using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// The HTTP side of idempotency, around every write endpoint: reads the <c>Idempotency-Key</c> header, fingerprints the
/// request and hands both to the request's <see cref="IdempotencyContext"/>; after the endpoint, writes out what the
/// pipeline's idempotency behaviour decided (a replay, the stored first answer, 409 or 422) in place of the endpoint's own
/// result. Every decision is the behaviour's (ADR 0006).
/// </summary>
internal sealed class IdempotencyFilter(IdempotencyOptions options) : IEndpointFilter
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

        // An endpoint filter is built once per endpoint, so the request's own context comes from the request's services.
        var idempotency = http.RequestServices.GetRequiredService<IdempotencyContext>();
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? string.Empty;
        idempotency.Use(new IdempotencyRequest(http.Request.Method, route, key, await RequestFingerprint.ComputeAsync(http, http.RequestAborted)));

        var result = await next(context);
        return idempotency.Answer switch
        {
            IdempotencyAnswer.Replayed replayed => new StoredResponseResult(replayed.Response, replayed.OriginalRequestId),
            IdempotencyAnswer.Stored stored => new StoredResponseResult(stored.Response, null),
            IdempotencyAnswer.KeyReused => TypedResults.Problem(ProblemResponses.Create(http, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reuse",
                "Idempotency key reused", "This Idempotency-Key was already used with a different request (method, route values, query or body). Use a new key for a new request.")),
            IdempotencyAnswer.InFlight inFlight => InFlight(http, inFlight.RetryAfter),
            _ => result,
        };
    }

    private static ProblemHttpResult InFlight(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(ProblemResponses.Create(http, StatusCodes.Status409Conflict, "idempotency-key-in-flight",
            "Request in progress", $"A request with this Idempotency-Key is still being processed. Retry after {seconds} s."));
    }

    private static ProblemHttpResult HeaderProblem(HttpContext http, string message) =>
        TypedResults.Problem(ProblemResponses.CreateValidation(http, new Dictionary<string, string[]> { [IdempotencyKeyHeader.Name] = [message] }));
}
