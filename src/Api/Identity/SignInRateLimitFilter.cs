using System.Globalization;
using PayrollPortal.Api.Http;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Identity;

/// <summary>
/// <c>LOGIN_RATE_LIMIT_PER_MINUTE</c> per client address, counted in the database (<see cref="ISignInAttempts"/>) so the limit is
/// the same with one instance or N behind a load balancer. The address is the connection's, or the forwarded one when the
/// connection comes from a proxy listed in <c>TRUSTED_PROXIES</c> (<see cref="Http.ForwardedHeadersSettings"/>).
/// </summary>
internal sealed class SignInRateLimitFilter(ISignInAttempts window, IdentityHosting.Limits limits) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await window.CountAsync(client, limits.LoginPerMinute, http.RequestAborted) is not { } wait)
        {
            return await next(context);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ProblemResponses.WriteAsync(http, StatusCodes.Status429TooManyRequests, "rate-limited", "Too many sign-in attempts",
            $"Too many sign-in attempts from this address. Retry after {seconds} s.");
        return Results.Empty;
    }
}
