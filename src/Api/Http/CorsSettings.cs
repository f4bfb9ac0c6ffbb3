using Microsoft.AspNetCore.Cors.Infrastructure;

namespace PayrollPortal.Api.Http;

/// <summary>
/// <c>API_CORS_ORIGINS</c>: a comma-separated allow-list of exact origins (<c>https://app.example.com</c>) that browsers may
/// call the API from. Unset (the default) means no CORS headers at all: only the portal's own origin can call it. Credentials
/// (the session cookie) are never allowed cross-origin; a cross-origin client authenticates with a bearer token.
/// </summary>
internal static class CorsSettings
{
    public const string PolicyName = "api-allow-list";

    /// <exception cref="InvalidOperationException">An entry that is not an http(s) origin without a path, or a wildcard.</exception>
    public static string[] Origins(IConfiguration configuration)
    {
        var raw = configuration["API_CORS_ORIGINS"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        return raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Origin).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Registers the policy only when there is an allow-list; <see cref="UseCorsAllowList"/> then applies it.</summary>
    public static IServiceCollection AddCorsAllowList(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Origins(configuration);
        return origins.Length == 0 ? services : services.AddCors(options => AddPolicy(options, origins));
    }

    public static IApplicationBuilder UseCorsAllowList(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<ICorsService>() is null ? app : app.UseCors(PolicyName);

    private static void AddPolicy(CorsOptions options, string[] origins) =>
        options.AddPolicy(PolicyName, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "X-Request-ID", "X-CSRF-Token")
            .WithExposedHeaders("Location", "X-Request-ID", "Idempotent-Replayed", "X-Original-Request-ID", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1)));

    private static string Origin(string entry)
    {
        if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.AbsolutePath != "/" || entry.EndsWith('/') || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException($"API_CORS_ORIGINS: '{entry}' is not an origin such as https://app.example.com (scheme, host and optional port; no path, no wildcard).");
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }
}
