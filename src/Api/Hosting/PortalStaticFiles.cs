using Microsoft.Net.Http.Headers;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// The portal (wwwroot: plain HTML, CSS and ES modules) served as static files, before any authentication, so the login
/// page loads for someone who is not signed in. The portal routes with the URL hash (<c>/#/c/{id}/payrolls</c>), so there is
/// no fallback route: an unknown path stays a 404, and nothing under /api or /openapi can be answered with the page.
/// </summary>
internal static class PortalStaticFiles
{
    public static IApplicationBuilder UsePortal(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // The files carry no version in their names, so browsers revalidate (ETag) instead of running a stale module
            // against a newer API after an upgrade.
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
        return app;
    }
}
