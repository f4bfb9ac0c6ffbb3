using PayrollPortal.Application.Common;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Http;

/// <summary>The request id of the current HTTP request, or a fresh one outside a request (CLI, background work).</summary>
internal sealed class HttpRequestContext(IHttpContextAccessor accessor, ICurrentUser currentUser) : IRequestContext
{
    private string? _fallback;

    // Inside a request the middleware's id is used, so the fallback is made only when something runs outside one.
    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? (_fallback ??= Guid.CreateVersion7().ToString("N"));

    /// <summary>The signed-in user's email, or the token and its owner.</summary>
    public string Actor => currentUser.Caller.Actor;
}
