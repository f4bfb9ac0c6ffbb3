using PayrollPortal.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PayrollPortal.Api.Identity;

/// <summary>
/// The session cookie only carries a session secret and its CSRF token (encrypted by Data Protection). Every request checks
/// the session in the database, so logout, expiry and changed memberships apply at once, and replaces the principal with
/// the caller as stored. An API answers 401/403 instead of redirecting to a login page.
/// </summary>
internal sealed class SessionCookieEvents(ICallerLookup lookup) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var secret = context.Principal?.FindFirst(CallerClaims.SessionSecret)?.Value;
        var csrf = context.Principal?.FindFirst(CallerClaims.CsrfToken)?.Value;
        var caller = secret is null || csrf is null ? null : await lookup.FromSessionAsync(secret, context.HttpContext.RequestAborted);
        if (caller is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
            return;
        }

        context.ReplacePrincipal(CallerClaims.ToPrincipal(caller, AuthSchemes.Cookie,
            [new(CallerClaims.SessionSecret, secret!), new(CallerClaims.CsrfToken, csrf!)]));
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
