using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// Writes a stored response: the first answer to a keyed request and every replay send the same bytes. A replay adds
/// <c>Idempotent-Replayed: true</c> and the original request's id.
/// </summary>
internal sealed class StoredResponseResult(StoredResponse response, string? originalRequestId) : IResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string OriginalRequestIdHeader = "X-Original-Request-ID";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = response.Body;
        var http = httpContext.Response;
        http.StatusCode = response.Status;
        if (response.Location is not null)
        {
            http.Headers.Location = response.Location;
        }

        if (originalRequestId is not null)
        {
            http.Headers[ReplayedHeader] = "true";
            http.Headers[OriginalRequestIdHeader] = originalRequestId;
        }

        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        http.ContentLength = body.Length;
        await http.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
