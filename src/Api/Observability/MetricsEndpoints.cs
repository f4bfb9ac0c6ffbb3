using PayrollPortal.Application.Common.Metrics;
using Prometheus;

namespace PayrollPortal.Api.Observability;

/// <summary>Registration, the HTTP middleware and the <c>/metrics</c> endpoint: where each is wired is in PayrollHost.</summary>
internal static class MetricsEndpoints
{
    /// <summary>Requests per second on a cheap endpoint set the bucket floor; payroll posts and exports set the top.</summary>
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static IServiceCollection AddPayrollMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = MetricsSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<PayrollMetrics>();
        services.AddSingleton<IBusinessMetrics>(sp => sp.GetRequiredService<PayrollMetrics>());
        services.AddSingleton<ISecurityMetrics>(sp => sp.GetRequiredService<PayrollMetrics>());
        if (settings.Port is not null)
        {
            services.AddHostedService<MetricsPortServer>();
        }

        return services;
    }

    /// <summary>
    /// First in the pipeline, outside the exception handler and the status-code pages, so that each request is observed
    /// exactly once with its final status (a handler that re-executes the pipeline below it cannot count a request twice).
    /// </summary>
    public static IApplicationBuilder UsePayrollHttpMetrics(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<MetricsSettings>().Exposed)
        {
            return app; // nobody can read them: do not pay for them on every request
        }

        var metrics = app.ApplicationServices.GetRequiredService<PayrollMetrics>();
        app.UseHttpMetrics(options =>
        {
            options.SetMetricFactory(metrics.Factory);
            options.RequestCount.Enabled = false; // the histogram's _count is the request count
            options.RequestDuration.Histogram = metrics.Factory.CreateHistogram(
                "http_request_duration_seconds", "HTTP requests by route template, method and final status code.",
                new HistogramConfiguration { LabelNames = ["code", "method", "endpoint"], Buckets = DurationBuckets });
            options.InProgress.Gauge = metrics.Factory.CreateGauge(
                "http_requests_in_progress", "HTTP requests being served, by route template and method.", ["method", "endpoint"]);
        });

        // The exception handler clears the endpoint before writing its problem (a malformed body, a bug), which would file
        // those requests under an empty route; put the matched endpoint back for the histogram to read.
        return app.Use(static async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            await next(context);
            if (endpoint is not null && context.GetEndpoint() is null)
            {
                context.SetEndpoint(endpoint);
            }
        });
    }

    /// <summary>On the API's port only with <c>METRICS_TOKEN</c> and without <c>METRICS_PORT</c>; otherwise the port server has it.</summary>
    public static IEndpointRouteBuilder MapPayrollMetrics(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<MetricsSettings>();
        if (settings is { Token: not null, Port: null })
        {
            var metrics = app.ServiceProvider.GetRequiredService<PayrollMetrics>();
            // Anonymous to the identity scheme: METRICS_TOKEN is its own bearer, checked by MetricsExport.
            app.MapGet("/metrics", context => MetricsExport.WriteAsync(context, metrics, settings)).ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }
}
