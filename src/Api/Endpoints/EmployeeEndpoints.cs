using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Employees;

namespace PayrollPortal.Api.Endpoints;

public static class EmployeeEndpoints
{
    public static IEndpointRouteBuilder MapEmployeeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies/{companyId:guid}/employees").WithTags("Employees");
        group.MapPost("/", CreateAsync).WithName("CreateEmployee").Accepts<CreateEmployeeRequest>("application/json").Idempotent();
        group.MapGet("/", ListAsync).WithName("ListEmployees");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetEmployee");
        group.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateEmployee").Accepts<UpdateEmployeeRequest>("application/json").Idempotent();
        return app;
    }

    /// <summary>
    /// The names and dates are every employee's; the company's regime reads the other members (ssn, payFrequency and w4
    /// for us-federal; residentRegistrationNumber and kr for kr). A member of another regime's shape is a 400 naming it.
    /// </summary>
    public static Task<Results<Created<EmployeeDto>, ProblemHttpResult>> CreateAsync(
        Guid companyId, CreateEmployeeRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new CreateEmployee(companyId, request.FirstName, request.LastName, request.HireDate, request.TerminationDate)
            {
                Fields = request.Fields,
                EmployeeNumber = request.EmployeeNumber,
                PayScheduleId = request.PayScheduleId,
            },
            employee => TypedResults.Created($"/api/companies/{companyId}/employees/{employee.Id}", employee),
            cancellationToken);

    public static async Task<Results<Ok<EmployeeDto>, ProblemHttpResult>> GetAsync(
        Guid companyId, Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetEmployee(companyId, id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static async Task<Results<Ok<Page<EmployeeDto>>, ProblemHttpResult>> ListAsync(
        Guid companyId, ISender sender, HttpContext http, CancellationToken cancellationToken, int? limit = null, string? cursor = null, string? q = null)
    {
        var result = await sender.Send(new ListEmployees(companyId, limit ?? PageLimits.Default, cursor, q), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Ok<EmployeeDto>, ProblemHttpResult>> UpdateAsync(
        Guid companyId, Guid id, UpdateEmployeeRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new UpdateEmployee(companyId, id, request.FirstName, request.LastName, request.HireDate, request.TerminationDate)
            {
                Fields = request.Fields,
                EmployeeNumber = request.EmployeeNumber,
                PayScheduleId = request.PayScheduleId,
            },
            TypedResults.Ok,
            cancellationToken);

    /// <summary>An employee to hire; every other member is the company's regime's (see docs/WITHHOLDING.md).</summary>
    public sealed record CreateEmployeeRequest(string? FirstName, string? LastName, DateOnly? HireDate, DateOnly? TerminationDate)
    {
        public string? EmployeeNumber { get; init; }

        public Guid? PayScheduleId { get; init; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Fields { get; init; }
    }

    /// <summary>
    /// Fields left out are unchanged. The other members are the company's regime's: for us-federal a new <c>w4</c> needs
    /// <c>w4EffectiveDate</c> and joins the W-4 history; for kr a new <c>kr</c> profile needs its <c>kr.effectiveDate</c>.
    /// </summary>
    public sealed record UpdateEmployeeRequest(
        Optional<string?> FirstName, Optional<string?> LastName, Optional<DateOnly?> HireDate, Optional<DateOnly?> TerminationDate)
    {
        public Optional<string?> EmployeeNumber { get; init; }

        public Optional<Guid?> PayScheduleId { get; init; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Fields { get; init; }
    }
}
