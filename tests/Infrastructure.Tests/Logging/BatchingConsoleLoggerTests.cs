using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using PayrollPortal.Api.Hosting;
using Shouldly;
using Xunit;

namespace PayrollPortal.Infrastructure.Tests.Logging;

public sealed class BatchingConsoleLoggerTests
{
    [Fact]
    public void Log_WhenManyThreadsWriteAndTheProviderIsDisposed_ShouldWriteEveryLineWholeAndInOrderPerThread()
    {
        var output = new MemoryStream();
        const int threads = 8;
        const int linesPerThread = 3_000; // more than the queue bound in total, so callers also wait for the writer
        using (var provider = new BatchingConsoleLoggerProvider(JsonFormatter(), () => new KeepOpenStream(output)))
        {
            var logger = provider.CreateLogger("Payroll.Test");
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
            {
                for (var i = 0; i < linesPerThread; i++)
                {
                    logger.LogInformation("thread {Thread} line {Line}", thread, i);
                }
            });
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(threads * linesPerThread);
        var next = new int[threads];
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line); // a torn or interleaved line would not parse
            var state = json.RootElement.GetProperty("State");
            var thread = int.Parse(state.GetProperty("Thread").GetRawText().Trim('"'));
            int.Parse(state.GetProperty("Line").GetRawText().Trim('"')).ShouldBe(next[thread]);
            next[thread]++;
        }

        next.ShouldAllBe(count => count == linesPerThread);
    }

    [Fact]
    public void Log_WhenScopesAreOpen_ShouldWriteTheFrameworkJsonShapeWithScopes()
    {
        var output = new MemoryStream();
        using (var provider = new BatchingConsoleLoggerProvider(JsonFormatter(), () => new KeepOpenStream(output)))
        {
            provider.SetScopeProvider(new LoggerExternalScopeProvider());
            var logger = provider.CreateLogger("Payroll.Test");
            using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = "req-42" }))
            {
                logger.LogWarning("payroll {PayrollId} is stale", "p-1");
            }
        }

        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray()).Trim());
        var root = json.RootElement;
        root.GetProperty("LogLevel").GetString().ShouldBe("Warning");
        root.GetProperty("Category").GetString().ShouldBe("Payroll.Test");
        root.GetProperty("Message").GetString().ShouldBe("payroll p-1 is stale");
        root.GetProperty("Scopes")[0].GetProperty("RequestId").GetString().ShouldBe("req-42");
    }

    [Fact]
    public void Log_WhenCalledAfterTheProviderWasDisposed_ShouldStillWriteTheLine()
    {
        // The host disposes its logger providers before PayrollHost logs why start-up failed (exit code 3).
        var output = new MemoryStream();
        var provider = new BatchingConsoleLoggerProvider(JsonFormatter(), () => new KeepOpenStream(output));
        var logger = provider.CreateLogger("Payroll.Test");
        logger.LogInformation("before disposal");
        provider.Dispose();

        logger.LogCritical("refusing to serve: {Problem}", "drift");

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString())
            .ShouldBe(["before disposal", "refusing to serve: drift"]);
    }

    [Fact]
    public async Task Log_WhenStandardOutputIsGone_ShouldNeverBlockTheCaller()
    {
        var lines = BatchingConsoleLoggerProvider.MaxQueuedLines * 2;
        using var provider = new BatchingConsoleLoggerProvider(JsonFormatter(), () => new BrokenStream());
        var logger = provider.CreateLogger("Payroll.Test");

        var logging = Task.Run(() =>
        {
            for (var i = 0; i < lines; i++)
            {
                logger.LogInformation("line {Line}", i);
            }
        });

        // Generous: a blocked caller would never finish. This bounds a hang, it does not measure speed.
        var finished = await Task.WhenAny(logging, Task.Delay(TimeSpan.FromMinutes(2)));
        finished.ShouldBe(logging, "logging blocked after standard output broke");
    }

    private static ConsoleFormatter JsonFormatter()
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddJsonConsole(options => options.IncludeScopes = true))
            .BuildServiceProvider();
        return services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
    }

    /// <summary>The writer disposes its stream on shutdown; the test still reads it afterwards.</summary>
    private sealed class KeepOpenStream(MemoryStream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    private sealed class BrokenStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => 0;
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() => throw new IOException("Broken pipe");
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");
    }
}
