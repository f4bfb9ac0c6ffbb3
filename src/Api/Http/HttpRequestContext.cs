using PayrollPortal.Application.Common;

namespace PayrollPortal.Api.Http;

/// <summary>The request id of the current HTTP request, or a fresh one outside a request (CLI, background work).</summary>
internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    private string? _fallback;

    // Inside a request the middleware's id is used, so the fallback is made only when something runs outside one.
    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? (_fallback ??= Guid.CreateVersion7().ToString("N"));

    /// <summary>Every caller is anonymous until identity exists; then this becomes the user or token.</summary>
    public string Actor => IRequestContext.Anonymous;
}
