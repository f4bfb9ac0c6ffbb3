using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Application.Withholding.Korea;

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
    /// The company's regime decides the profile: ssn, payFrequency and w4 for us-federal; residentRegistrationNumber and kr
    /// for kr. A request in the other regime's shape is a 400 naming the field to send instead.
    /// </summary>
    public static Task<Results<Created<EmployeeDto>, ProblemHttpResult>> CreateAsync(
        Guid companyId, CreateEmployeeRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        request.ResidentRegistrationNumber is not null || request.Kr is not null
            ? sender.SendCommandAsync(
                http,
                new CreateKoreaEmployee(companyId, request.FirstName, request.LastName, request.ResidentRegistrationNumber, request.HireDate,
                    request.TerminationDate, request.Kr),
                employee => TypedResults.Created($"/api/companies/{companyId}/employees/{employee.Id}", employee),
                cancellationToken)
            : sender.SendCommandAsync(
                http,
                new CreateEmployee(companyId, request.FirstName, request.LastName, request.Ssn, request.HireDate, request.TerminationDate,
                    request.PayFrequency, request.Exempt, request.W4, request.W4EffectiveDate),
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
        Guid companyId, Guid id, UpdateEmployeeRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new UpdateEmployee(companyId, id, request.FirstName, request.LastName, request.Ssn, request.HireDate, request.TerminationDate,
                request.PayFrequency, request.Exempt, request.W4, request.W4EffectiveDate, request.ResidentRegistrationNumber, request.Kr),
            TypedResults.Ok,
            cancellationToken);

    /// <param name="W4EffectiveDate">The first pay date the W-4 applies to; defaults to the hire date.</param>
    public sealed record CreateEmployeeRequest(
        string? FirstName,
        string? LastName,
        string? Ssn,
        DateOnly? HireDate,
        DateOnly? TerminationDate,
        string? PayFrequency,
        bool? Exempt,
        WithholdingW4? W4,
        DateOnly? W4EffectiveDate,
        string? ResidentRegistrationNumber = null,
        KoreaProfileDto? Kr = null);

    /// <summary>
    /// Fields left out are unchanged. A new <c>w4</c> needs <c>w4EffectiveDate</c> and joins the W-4 history. For a kr
    /// employee, <c>residentRegistrationNumber</c> corrects the 주민등록번호 and a new <c>kr</c> profile needs its
    /// <c>kr.effectiveDate</c> and joins the profile history; the other regime's fields are a 400 on that field.
    /// </summary>
    public sealed record UpdateEmployeeRequest(
        Optional<string?> FirstName,
        Optional<string?> LastName,
        Optional<string?> Ssn,
        Optional<DateOnly?> HireDate,
        Optional<DateOnly?> TerminationDate,
        Optional<string?> PayFrequency,
        Optional<bool?> Exempt,
        Optional<WithholdingW4?> W4,
        Optional<DateOnly?> W4EffectiveDate,
        Optional<string?> ResidentRegistrationNumber,
        Optional<KoreaProfileDto?> Kr);
}
