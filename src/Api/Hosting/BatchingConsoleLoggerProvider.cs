using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// Console logging with the framework's own formatters (<c>AddJsonConsole</c>, <c>AddSimpleConsole</c>: the lines are
/// byte-for-byte what they write), delivered in batches. The framework's console logger wakes its writer thread for every
/// line; at one line per request that hand-off cost more server CPU than the rest of the pipeline together
/// (bench/README.md, "Companies API"). Here a line is formatted on the caller's thread and queued without signalling; one
/// writer thread drains the queue every <see cref="FlushInterval"/> in a single write, at once when a warning or worse is
/// queued or the queue passes <see cref="EarlyFlushLines"/>, and completely on dispose (host shutdown).
/// The queue is bounded: past <see cref="MaxQueuedLines"/> callers wait for the writer rather than lose lines, as the
/// framework's default <c>ConsoleLoggerQueueFullMode.Wait</c> does. A process killed outright loses at most the last
/// <see cref="FlushInterval"/> of lines; errors are flushed at once, so the line explaining a crash is not among them.
/// See docs/decisions/0007-batched-console-logging.md.
/// </summary>
internal sealed class BatchingConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(10);
    public const int EarlyFlushLines = 1024;
    public const int MaxQueuedLines = 16 * 1024;

    private readonly ConsoleFormatter _formatter;
    private readonly Func<Stream> _openOutput;
    private readonly ConcurrentQueue<string> _queue = new();
    private readonly ManualResetEventSlim _flushNow = new(false);
    private readonly Thread _writer;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private int _queued;
    private volatile bool _disposed;

    public BatchingConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters)
        : this(FormatterNamed(options.CurrentValue.FormatterName, formatters), Console.OpenStandardOutput)
    {
    }

    internal BatchingConsoleLoggerProvider(ConsoleFormatter formatter, Func<Stream> openOutput)
    {
        _formatter = formatter;
        _openOutput = openOutput;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "Console log writer" };
        _writer.Start();
    }

    public ILogger CreateLogger(string categoryName) => new BatchingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _flushNow.Set();
        _writer.Join(TimeSpan.FromSeconds(5));
        _flushNow.Dispose();
    }

    private static ConsoleFormatter FormatterNamed(string? name, IEnumerable<ConsoleFormatter> formatters)
    {
        var wanted = name ?? ConsoleFormatterNames.Simple;
        return formatters.FirstOrDefault(f => string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No console log formatter named '{wanted}' is registered.");
    }

    private void Enqueue(string line, LogLevel level)
    {
        // Waiting (not dropping) when the writer falls behind: a payroll system's logs are evidence.
        while (Volatile.Read(ref _queued) >= MaxQueuedLines && !_disposed)
        {
            _flushNow.Set();
            Thread.Sleep(1);
        }

        _queue.Enqueue(line);
        if (Interlocked.Increment(ref _queued) >= EarlyFlushLines || level >= LogLevel.Warning || _disposed)
        {
            _flushNow.Set();
        }
    }

    private void WriteLoop()
    {
        Stream? stream = null;
        StreamWriter? output = null;
        try
        {
            stream = _openOutput();
            output = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };
            while (true)
            {
                var stopping = _disposed;
                if (!stopping)
                {
                    _flushNow.Wait(FlushInterval);
                    _flushNow.Reset();
                }

                var wrote = false;
                while (_queue.TryDequeue(out var line))
                {
                    Interlocked.Decrement(ref _queued);
                    output.Write(line);
                    wrote = true;
                }

                if (wrote)
                {
                    output.Flush();
                }

                if (stopping)
                {
                    return;
                }
            }
        }
        catch (IOException)
        {
            // stdout is gone (the reading end of a pipe closed): logging must never take the server down with it. Keep
            // draining so callers never wait on a full queue.
            while (!_disposed)
            {
                while (_queue.TryDequeue(out _))
                {
                    Interlocked.Decrement(ref _queued);
                }

                Thread.Sleep(FlushInterval);
            }
        }
        finally
        {
            try
            {
                output?.Dispose();
            }
            catch (IOException)
            {
                // what was still buffered has nowhere to go
            }

            stream?.Dispose();
        }
    }

    private sealed class BatchingLogger(BatchingConsoleLoggerProvider provider, string category) : ILogger
    {
        [ThreadStatic]
        private static StringWriter? t_buffer;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var buffer = t_buffer ??= new StringWriter();
            var builder = buffer.GetStringBuilder();
            builder.Clear();
            provider._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider._scopes, buffer);
            if (builder.Length == 0)
            {
                return;
            }

            var line = builder.ToString();
            builder.Clear();
            if (builder.Capacity > 16 * 1024)
            {
                builder.Capacity = 1024; // one huge exception must not pin a large buffer on every thread
            }

            provider.Enqueue(line, logLevel);
        }
    }
}
