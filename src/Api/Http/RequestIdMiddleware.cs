using System.Text.RegularExpressions;

namespace PayrollPortal.Api.Http;

/// <summary>
/// Keeps a well-formed client <c>X-Request-ID</c> or makes a new one, stores it as the request's TraceIdentifier, echoes it
/// on the response and opens a logging scope so every log line of the request carries it.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[HeaderName];
        var requestId = supplied.Count == 1 && supplied[0] is { } value && ValidId().IsMatch(value)
            ? value
            : Guid.CreateVersion7().ToString("N");

        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new RequestIdScope(requestId)))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}
