using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Identity;
using PayrollPortal.Application.Operations;

namespace PayrollPortal.Api.Endpoints;

/// <summary>Liveness, readiness, health and build metadata: what load balancers, orchestrators and the DR drill call.</summary>
public static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Operations").AllowAnonymous();
        group.MapGet("/livez", Live).WithName("Livez");
        group.MapGet("/meta", GetMetaAsync).WithName("Meta");
        app.MapHealthChecks("/api/readyz", Options(WriteReadyAsync)).WithName("Readyz").AllowAnonymous();
        app.MapHealthChecks("/api/healthz", Options(WriteHealthAsync)).WithName("Healthz").AllowAnonymous();
        return app;
    }

    /// <summary>The process is up; deliberately does not touch the database.</summary>
    public static Ok<StatusResponse> Live() => TypedResults.Ok(new StatusResponse("ok"));

    public static async Task<Results<Ok<MetaDto>, ProblemHttpResult>> GetMetaAsync(ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetMeta(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public sealed record StatusResponse(string Status);

    public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Checks);

    private static HealthCheckOptions Options(Func<HttpContext, HealthReport, Task> writer) => new()
    {
        Predicate = check => check.Tags.Contains("ready"),
        ResponseWriter = writer,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsJsonAsync(new StatusResponse("ok"), context.RequestServices.GetRequiredService<JsonSerializerOptionsHolder>().Options);
        }

        var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {Describe(context, e.Value)}");
        var problem = ProblemResponses.Create(context, StatusCodes.Status503ServiceUnavailable, "not-ready", "Not ready", string.Join("; ", failed));
        problem.Extensions["failedChecks"] = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToArray();
        return ProblemResponses.WriteAsync(context, problem);
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "ok" : Describe(context, e.Value));
        var body = new HealthResponse(report.Status == HealthStatus.Healthy ? "ok" : "unhealthy", checks);
        return context.Response.WriteAsJsonAsync(body, context.RequestServices.GetRequiredService<JsonSerializerOptionsHolder>().Options);
    }

    /// <summary>
    /// A failed check's description names migrations, files and errors: the global administrator (a bearer token or
    /// session on the request) reads it here, anyone else only that the check failed (the log and the metrics port have it).
    /// </summary>
    private static string Describe(HttpContext context, HealthReportEntry entry) =>
        CallerClaims.FromPrincipal(context.User).IsAdmin ? entry.Description ?? "failed" : "failed";
}
