using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PayrollPortal.TestSupport;

/// <summary>Every log line the app writes during a test, with its scopes, so tests can assert what never appears in logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs sink) : ILogger
    {
        private readonly AsyncLocal<List<object>> _scopes = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var scopes = _scopes.Value ??= [];
            scopes.Add(state);
            return new Pop(scopes);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = _scopes.Value is { Count: > 0 } s ? " => " + string.Join(" => ", s) : string.Empty;
            sink._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}{scopes}");
        }

        private sealed class Pop(List<object> scopes) : IDisposable
        {
            public void Dispose()
            {
                if (scopes.Count > 0)
                {
                    scopes.RemoveAt(scopes.Count - 1);
                }
            }
        }
    }
}
