namespace PayrollPortal.Api.Http;

/// <summary>
/// Browser hardening on every response, set when the response starts so that error responses (whose headers the exception
/// handler clears) carry them too. The portal loads scripts and styles only from its own files, so the policy allows no
/// inline script; the API reference at <c>/api/docs</c> (Scalar) needs inline script and gets a looser policy of its own.
/// HSTS is sent only over HTTPS (behind a TLS proxy, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true). Every <c>/api</c>
/// response is <c>Cache-Control: no-store</c> unless it chose otherwise.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api/docs") ? DocsContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // API answers carry employee, payroll, identity and audit data: no browser or proxy may keep a copy. An endpoint
            // that sets its own policy (the export download) keeps it; the API reference's static files may be cached.
            if (http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/api/docs")
                && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
