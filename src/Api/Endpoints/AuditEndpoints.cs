using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Paging;

namespace PayrollPortal.Api.Endpoints;

/// <summary>Reading the audit trail (for administrators, once identity exists).</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit").WithTags("Audit").MapGet("/", ListAsync).WithName("ListAuditEvents");
        return app;
    }

    /// <param name="from">Events at or after this instant.</param>
    /// <param name="to">Events before this instant.</param>
    public static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> ListAsync(
        ISender sender, HttpContext http, CancellationToken cancellationToken,
        Guid? companyId = null, string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, string? cursor = null)
    {
        var result = await sender.Send(new ListAuditEvents(companyId, action, from, to, limit ?? PageLimits.Default, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }
}
