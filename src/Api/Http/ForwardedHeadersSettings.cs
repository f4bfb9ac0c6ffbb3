using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace PayrollPortal.Api.Http;

/// <summary>
/// <c>TRUSTED_PROXIES</c>: the load balancers and reverse proxies (addresses such as <c>10.0.0.5</c>, or networks such as
/// <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the server believes. Only a connection from
/// one of them changes the client address the sign-in limit counts by; anyone else's headers are ignored, so a client cannot
/// pick a fresh address per attempt. Unset: no forwarded header is read, and every client behind a proxy is the proxy.
/// The framework's <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> believes everyone, so it stops start-up instead.
/// </summary>
internal static class ForwardedHeadersSettings
{
    public const string Variable = "TRUSTED_PROXIES";
    public const string FrameworkVariable = "ASPNETCORE_FORWARDEDHEADERS_ENABLED";

    /// <exception cref="InvalidOperationException">An entry that is neither an address nor a network, or the framework's switch.</exception>
    public static (IPAddress[] Proxies, IPNetwork[] Networks) Parse(IConfiguration configuration)
    {
        if (configuration["FORWARDEDHEADERS_ENABLED"] is { } enabled && enabled.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{FrameworkVariable}=true trusts X-Forwarded-For from any client; unset it and list the load balancers in {Variable} instead.");
        }

        var proxies = new List<IPAddress>();
        var networks = new List<IPNetwork>();
        foreach (var entry in (configuration[Variable] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{Variable}: '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8).");
            }
        }

        return ([.. proxies], [.. networks]);
    }

    /// <summary>First in the pipeline, so the request id, metrics, logs and the sign-in limit all see the client's address.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var (proxies, networks) = Parse(configuration);
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        // The defaults trust loopback; only what the operator listed is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        return app.UseForwardedHeaders(options);
    }
}
