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
/// framework's default <c>ConsoleLoggerQueueFullMode.Wait</c> does. The queue is also written when the process exits
/// without disposing the host. A process killed outright (SIGKILL) loses at most the last <see cref="FlushInterval"/> of
/// lines; errors are flushed at once, so the line explaining a failure is rarely among them.
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
    private readonly object _drainLock = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private StreamWriter? _output;
    private int _queued;
    private int _disposeStarted;
    private volatile bool _disposed;
    private volatile bool _writerExited;
    private volatile bool _broken;

    public BatchingConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters)
        : this(FormatterNamed(options.CurrentValue.FormatterName, formatters), Console.OpenStandardOutput)
    {
        // An exit that does not dispose the host (a start-up refusal returning an exit code, an unhandled exception) must
        // still write what was queued: those are exactly the lines that explain the exit.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => Dispose();
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
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        _disposed = true;
        _flushNow.Set();
        _writer.Join(TimeSpan.FromSeconds(5));
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
        Interlocked.Increment(ref _queued);
        if (_writerExited)
        {
            // After disposal (the host is disposed before the code that handles its start-up failure logs why) every
            // line is written at once, as the framework's console logger does.
            Drain();
        }
        else if (Volatile.Read(ref _queued) >= EarlyFlushLines || level >= LogLevel.Warning || _disposed)
        {
            _flushNow.Set();
        }
    }

    private void WriteLoop()
    {
        try
        {
            _output = new StreamWriter(_openOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };
        }
        catch (IOException)
        {
            _broken = true;
        }

        while (true)
        {
            var stopping = _disposed;
            if (!stopping)
            {
                _flushNow.Wait(FlushInterval);
                _flushNow.Reset();
            }

            Drain();
            if (stopping)
            {
                _writerExited = true;
                Drain(); // lines queued between the last drain and the flag above
                return;
            }
        }
    }

    /// <summary>Writes everything queued in one write. The lock only orders the writer thread and post-disposal callers.</summary>
    private void Drain()
    {
        lock (_drainLock)
        {
            var wrote = false;
            while (_queue.TryDequeue(out var line))
            {
                Interlocked.Decrement(ref _queued);
                if (_broken)
                {
                    continue;
                }

                try
                {
                    _output!.Write(line);
                    wrote = true;
                }
                catch (IOException)
                {
                    Break();
                }
            }

            if (wrote && !_broken)
            {
                try
                {
                    _output!.Flush();
                }
                catch (IOException)
                {
                    Break();
                }
            }
        }
    }

    /// <summary>
    /// stdout is gone (the reading end of a pipe closed): logging must never take the server down with it, nor make callers
    /// wait on a queue nobody can empty; from now on lines are discarded.
    /// </summary>
    private void Break() => _broken = true;

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
