using System.Security.Cryptography;
using System.Text;
using Prometheus;

namespace PayrollPortal.Api.Observability;

/// <summary>Writes the registry in the Prometheus text format, to a caller that shows the bearer token when one is configured.</summary>
internal static class MetricsExport
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, PayrollMetrics metrics, MetricsSettings settings)
    {
        if (settings.Token is { } token && !Authorized(context.Request.Headers.Authorization.ToString(), token))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
            return;
        }

        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>Compares digests in constant time, so neither the token's bytes nor its length leak through timing.</summary>
    private static bool Authorized(string header, string token)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
