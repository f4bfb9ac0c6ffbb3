using System.Security.Cryptography;
using System.Text;
using PayrollPortal.Api.Http;

namespace PayrollPortal.Api.Identity;

/// <summary>
/// Cookie-authenticated writes must echo the session's CSRF token in <c>X-CSRF-Token</c> (a synchronizer token kept inside
/// the encrypted session cookie, so another origin can neither read nor forge it); otherwise 403, before the endpoint runs.
/// Bearer-token requests need none: a browser never attaches a bearer token by itself. SameSite=Lax on the cookie is a
/// second layer, not the guard.
/// </summary>
internal sealed class CsrfMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            || context.User.Identity is not { IsAuthenticated: true, AuthenticationType: AuthSchemes.Cookie }
            || context.GetEndpoint()?.Metadata.GetMetadata<SkipCsrfCheck>() is not null)
        {
            return next(context);
        }

        var expected = context.User.FindFirst(CallerClaims.CsrfToken)?.Value;
        var sent = context.Request.Headers[AuthSchemes.CsrfHeader];
        if (expected is not null && sent is [{ } token]
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
        {
            return next(context);
        }

        return ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "csrf-token-invalid", "CSRF token missing or invalid",
            $"Writes authenticated by the session cookie must send the header {AuthSchemes.CsrfHeader} with the csrfToken from /api/auth/login or /api/auth/me.");
    }
}
