using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// SIGTERM (or Ctrl+C) without dropping work: readiness turns 503 at once, so load balancers stop sending new requests; the
/// server keeps serving for <c>SHUTDOWN_DRAIN_SECONDS</c> (default 5 in Production, 0 elsewhere) while they notice; then
/// Kestrel stops accepting connections and waits for in-flight requests. The whole stop is bounded so the process exits
/// within 30 seconds, before an orchestrator's default kill.
/// </summary>
internal static partial class GracefulShutdown
{
    public const string DrainVariable = "SHUTDOWN_DRAIN_SECONDS";

    /// <summary>Drain plus in-flight requests; under the 30 s that Kubernetes and systemd wait before SIGKILL.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(25);

    public static readonly TimeSpan MaxDrain = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddSingleton<State>();
        services.AddHostedService<Drain>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = StopTimeout);
        services.AddHealthChecks().AddCheck<ReadinessCheck>("shutdown", tags: ["ready"]);
        return services;
    }

    public static TimeSpan DrainTime(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[DrainVariable];
        if (string.IsNullOrWhiteSpace(value))
        {
            return environment.IsProduction() ? TimeSpan.FromSeconds(5) : TimeSpan.Zero;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, MaxDrain.TotalSeconds))
            : throw new InvalidOperationException($"{DrainVariable} must be a number of seconds between 0 and {MaxDrain.TotalSeconds:0}, not '{value}'.");
    }

    /// <summary>Whether the process has been asked to stop.</summary>
    internal sealed class State
    {
        private volatile bool _stopping;

        public bool IsStopping => _stopping;

        public void MarkStopping() => _stopping = true;
    }

    internal sealed class ReadinessCheck(State state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(state.IsStopping ? HealthCheckResult.Unhealthy("the server is shutting down") : HealthCheckResult.Healthy("ok"));
    }

    /// <summary>Runs before any hosted service stops (Kestrel included), so the drain happens while requests are still served.</summary>
    internal sealed partial class Drain(State state, IConfiguration configuration, IHostEnvironment environment, ILogger<Drain> logger) : IHostedLifecycleService
    {
        private readonly TimeSpan _drain = DrainTime(configuration, environment);

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StoppingAsync(CancellationToken cancellationToken)
        {
            state.MarkStopping();
            LogStopping(logger, _drain.TotalSeconds);
            if (_drain > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(_drain, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // The stop timeout ended the drain early; in-flight requests still get what is left.
                }
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 20, Level = LogLevel.Information,
            Message = "Stopping: readiness is now 503; draining for {DrainSeconds} s, then finishing in-flight requests")]
        private static partial void LogStopping(ILogger logger, double drainSeconds);
    }
}
