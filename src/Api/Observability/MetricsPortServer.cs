namespace PayrollPortal.Api.Observability;

/// <summary>
/// <c>METRICS_PORT</c>: a second, minimal HTTP server that serves only <c>GET /metrics</c>, so the API's port never answers
/// it and a network policy can open the metrics port to Prometheus alone. It shares the host's registry.
/// </summary>
internal sealed partial class MetricsPortServer(PayrollMetrics metrics, MetricsSettings settings, ILogger<MetricsPortServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://+:{settings.Port}");
        _server = builder.Build();
        _server.MapGet("/metrics", context => MetricsExport.WriteAsync(context, metrics, settings));
        await _server.StartAsync(cancellationToken);
        LogListening(logger, settings.Port!.Value, settings.Token is not null);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Metrics served on port {Port} (bearer token required: {TokenRequired})")]
    private static partial void LogListening(ILogger logger, int port, bool tokenRequired);
}
