using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using PayrollPortal.Api.Hosting;

// Process CPU per log line, as the server spends it: one Information line (the pipeline's, with a request-id scope) every
// GAP_US microseconds of busy work, written by the framework's console logger or by BatchingConsoleLoggerProvider, with
// stdout redirected to /dev/null by the caller. CPU of the same loop without logging is subtracted.
//   log-cost <framework|batching|none> [lines=20000] [gapMicroseconds=200]
var writer = args.Length > 0 ? args[0] : "batching";
var lines = args.Length > 1 ? int.Parse(args[1]) : 20_000;
var gap = TimeSpan.FromMicroseconds(args.Length > 2 ? int.Parse(args[2]) : 200);

var services = new ServiceCollection().AddLogging(logging =>
{
    logging.ClearProviders();
    logging.AddJsonConsole(options =>
    {
        options.IncludeScopes = true;
        options.UseUtcTimestamp = true;
        options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    });
    if (writer == "batching")
    {
        logging.Services.Remove(logging.Services.Single(d => d.ImplementationType == typeof(ConsoleLoggerProvider)));
        logging.Services.AddSingleton<ILoggerProvider, BatchingConsoleLoggerProvider>();
    }

    logging.SetMinimumLevel(writer == "none" ? LogLevel.None : LogLevel.Information);
});
var provider = services.BuildServiceProvider();
var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("PayrollPortal.Application.Common.Behaviors.LoggingBehavior");

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
for (var i = 0; i < lines; i++)
{
    var until = Stopwatch.GetTimestamp() + (long)(gap.TotalSeconds * Stopwatch.Frequency);
    while (Stopwatch.GetTimestamp() < until)
    {
        Thread.SpinWait(20);
    }

    using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = "01a214388f1e7b0b9e5f4a2c3d4e5f60" }))
    {
        logger.LogInformation(new EventId(1000, "MessageHandled"), "{MessageName} {Outcome} in {ElapsedMs:0.0} ms (request {RequestId})",
            "CreateCompany", "Success", 3.7, "01a214388f1e7b0b9e5f4a2c3d4e5f60");
    }
}

provider.Dispose(); // flushes
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
Console.Error.WriteLine($"LOGCOST writer={writer} lines={lines} gap_us={gap.TotalMicroseconds} wall_s={wall.Elapsed.TotalSeconds:0.00} cpu_us_per_line={cpu.TotalMicroseconds / lines:0.0}");
