using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Periods;

namespace PayrollPortal.Api.Endpoints;

/// <summary>Closing a month of pay dates, reopening it, and the closing dashboard (docs/PERIODS.md).</summary>
public static class PeriodEndpoints
{
    public static IEndpointRouteBuilder MapPeriodEndpoints(this IEndpointRouteBuilder app)
    {
        var company = app.MapGroup("/api/companies/{companyId:guid}/periods").WithTags("Periods");
        company.MapGet("/{month}", GetAsync).WithName("GetPeriod").WithSummary("A month of pay dates: closed or not, and its payrolls by status.");
        company.MapPost("/{month}/close", CloseAsync).WithName("ClosePeriod").Idempotent()
            .WithSummary("Closes the month (yyyy-MM): no payroll paid in it is posted, edited, approved or voided until it is reopened. 409 while drafts are paid in it.");
        company.MapPost("/{month}/reopen", ReopenAsync).WithName("ReopenPeriod").Accepts<ReopenRequest>("application/json").Idempotent()
            .WithSummary("Reopens a closed month, with a reason of at least 10 characters that the audit trail keeps.");
        app.MapGet("/api/closings", ListAsync).WithTags("Periods").WithName("ListClosings")
            .WithSummary("Companies × months as closed, in_progress or none, for the global administrator.");
        return app;
    }

    public static async Task<Results<Ok<PeriodDto>, ProblemHttpResult>> GetAsync(
        Guid companyId, string month, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetPeriod(companyId, month), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Ok<PeriodDto>, ProblemHttpResult>> CloseAsync(
        Guid companyId, string month, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new ClosePeriod(companyId, month), TypedResults.Ok, cancellationToken);

    public static Task<Results<Ok<PeriodDto>, ProblemHttpResult>> ReopenAsync(
        Guid companyId, string month, ReopenRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new ReopenPeriod(companyId, month, request.Reason), TypedResults.Ok, cancellationToken);

    public static async Task<Results<Ok<Page<ClosingDto>>, ProblemHttpResult>> ListAsync(
        ISender sender, HttpContext http, CancellationToken cancellationToken,
        string? from = null, string? to = null, Guid? companyId = null, string? status = null, int? limit = null, string? cursor = null)
    {
        var result = await sender.Send(new ListClosings(from, to, companyId, status, limit ?? PageLimits.Default, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public sealed record ReopenRequest(string? Reason);
}
