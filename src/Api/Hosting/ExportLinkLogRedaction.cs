using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// Keeps export links' query strings (company, scope, expiry, key id and signature) out of every log line. ASP.NET Core's
/// request logging writes the query string (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c>, "Request starting ...") before
/// any middleware runs, so the redaction wraps the logger factory itself: whichever provider writes the line (console, JSON,
/// a test's capture), an entry that concerns <c>/api/exports</c> has its query string replaced by <c>?[redacted]</c>.
/// </summary>
internal static class ExportLinkLogRedaction
{
    public const string Redacted = "?[redacted]";
    private const string ExportsPath = "/api/exports";

    public static IServiceCollection RedactExportLinksInLogs(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return services;
    }

    /// <summary>The entry's values with export query strings redacted, or null when the entry does not concern an export URL.</summary>
    public static KeyValuePair<string, object?>[]? Redact(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        var concernsExports = false;
        foreach (var (_, value) in values)
        {
            concernsExports |= value is string text && text.Contains(ExportsPath, StringComparison.OrdinalIgnoreCase);
        }

        if (!concernsExports)
        {
            return null;
        }

        var redacted = new KeyValuePair<string, object?>[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var (key, value) = values[i];
            redacted[i] = new(key, value is string text && key != "{OriginalFormat}" ? RedactText(key, text) : value);
        }

        return redacted;
    }

    /// <summary>A query string (<c>?...</c>) becomes <c>?[redacted]</c>, and so does the query part of a URL on the exports path.</summary>
    public static string RedactText(string key, string text)
    {
        if (key == "QueryString" || text.StartsWith('?'))
        {
            return text.Length > 0 ? Redacted : text;
        }

        var path = text.IndexOf(ExportsPath, StringComparison.OrdinalIgnoreCase);
        var query = path < 0 ? -1 : text.IndexOf('?', path);
        return query < 0 ? text : text[..query] + Redacted;
    }

    private sealed class RedactingLoggerFactory(LoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values && inner.IsEnabled(logLevel) && Redact(values) is { } redacted)
            {
                var message = formatter(state, exception);
                for (var i = 0; i < values.Count; i++)
                {
                    if (values[i].Value is string original && redacted[i].Value is string replacement && original.Length > 0 && !ReferenceEquals(original, replacement))
                    {
                        message = message.Replace(original, replacement, StringComparison.Ordinal);
                    }
                }

                inner.Log(logLevel, eventId, new RedactedState(redacted, message), exception, static (s, _) => s.Message);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    private sealed class RedactedState(KeyValuePair<string, object?>[] values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Length;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => values.GetEnumerator();

        public override string ToString() => Message;
    }
}
