using System.Collections.Concurrent;
using System.Collections.Immutable;
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
        // Immutable: parallel async flows inherit the same AsyncLocal value, and a shared mutable list would be pushed and
        // popped by several threads at once.
        private readonly AsyncLocal<ImmutableStack<object>?> _scopes = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var outer = _scopes.Value;
            _scopes.Value = (outer ?? ImmutableStack<object>.Empty).Push(state);
            return new Pop(this, outer);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = _scopes.Value is { IsEmpty: false } s ? " => " + string.Join(" => ", s.Reverse()) : string.Empty;
            sink._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}{scopes}");
        }

        private sealed class Pop(Logger logger, ImmutableStack<object>? outer) : IDisposable
        {
            public void Dispose() => logger._scopes.Value = outer;
        }
    }
}
