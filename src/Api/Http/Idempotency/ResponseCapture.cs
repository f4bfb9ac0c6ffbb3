using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>Runs an endpoint result against a scratch context and keeps what it would send: status, Location, content type and body.</summary>
internal static class ResponseCapture
{
    /// <summary>Most answers fit (a company, a problem); a 50-line payroll (53 KB) grows it three times.</summary>
    private const int InitialCapacity = 8 * 1024;

    public static async Task<StoredResponse> CaptureAsync(IResult result, HttpContext origin)
    {
        var scratch = new DefaultHttpContext { RequestServices = origin.RequestServices, TraceIdentifier = origin.TraceIdentifier };
        scratch.Request.Method = origin.Request.Method;
        scratch.Request.Scheme = origin.Request.Scheme;
        scratch.Request.Host = origin.Request.Host;
        scratch.Request.PathBase = origin.Request.PathBase;
        scratch.Request.Path = origin.Request.Path;
        scratch.Request.Headers.Accept = origin.Request.Headers.Accept;
        using var body = new MemoryStream(InitialCapacity);
        scratch.Response.Body = body;
        await result.ExecuteAsync(scratch);
        var location = scratch.Response.Headers.Location;
        return new StoredResponse(
            scratch.Response.StatusCode,
            location.Count > 0 ? location.ToString() : null,
            scratch.Response.ContentType,
            body.ToArray());
    }
}
