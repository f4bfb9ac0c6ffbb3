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
        var group = app.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/", ListAsync).WithName("ListAuditEvents");
        group.MapGet("/verify", VerifyAsync).WithName("VerifyAuditTrail");
        return app;
    }

    /// <param name="from">Events at or after this instant.</param>
    /// <param name="to">Events before this instant.</param>
    /// <param name="entityType">The target type: company, employee, payroll, period, user, api_token or message.</param>
    /// <param name="entityId">The target's id.</param>
    /// <param name="actorId">A user's id: what they did, signed in or with their API tokens.</param>
    public static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> ListAsync(
        ISender sender, HttpContext http, CancellationToken cancellationToken,
        Guid? companyId = null, string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, string? cursor = null,
        string? entityType = null, Guid? entityId = null, Guid? actorId = null)
    {
        var result = await sender.Send(
            new ListAuditEvents(companyId, action, from, to, limit ?? PageLimits.Default, cursor, entityType, entityId, actorId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    /// <summary>Walks every hash chain as <c>payroll audit verify</c> does; the global administrator only.</summary>
    public static async Task<Results<Ok<AuditVerificationReport>, ProblemHttpResult>> VerifyAsync(ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new VerifyAuditTrail(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }
}
