using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Compensation;

namespace PayrollPortal.Api.Endpoints;

/// <summary>An employee's effective-dated compensation records (docs/SCHEDULES.md).</summary>
public static class CompensationEndpoints
{
    public static IEndpointRouteBuilder MapCompensationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies/{companyId:guid}/employees/{employeeId:guid}/compensation").WithTags("Employees");
        group.MapPost("/", AddAsync).WithName("AddCompensation").Accepts<AddCompensationRequest>("application/json").Idempotent()
            .WithSummary("Records pay from a date on; the same effective date replaces that record, another date adds one.");
        group.MapGet("/", ListAsync).WithName("ListCompensation").WithSummary("The compensation history, newest effective date first.");
        return app;
    }

    public static Task<Results<Created<CompensationDto>, ProblemHttpResult>> AddAsync(
        Guid companyId, Guid employeeId, AddCompensationRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new AddCompensation(companyId, employeeId, request.EffectiveFrom) { Fields = request.Fields },
            record => TypedResults.Created($"/api/companies/{companyId}/employees/{employeeId}/compensation", record),
            cancellationToken);

    public static async Task<Results<Ok<CompensationHistoryDto>, ProblemHttpResult>> ListAsync(
        Guid companyId, Guid employeeId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListCompensation(companyId, employeeId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    /// <summary><c>effectiveFrom</c>, and the regime's members: <c>payType</c> with a salary, rate or monthly base (docs/SCHEDULES.md).</summary>
    public sealed record AddCompensationRequest(DateOnly? EffectiveFrom)
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Fields { get; init; }
    }
}
