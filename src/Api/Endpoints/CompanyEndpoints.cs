using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Companies;

namespace PayrollPortal.Api.Endpoints;

public static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies");
        group.MapPost("/", CreateAsync).WithName("CreateCompany").Accepts<CreateCompanyRequest>("application/json").Idempotent();
        group.MapGet("/", ListAsync).WithName("ListCompanies");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCompany");
        group.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateCompany").Accepts<UpdateCompanyRequest>("application/json").Idempotent();
        return app;
    }

    public static Task<Results<Created<CompanyDto>, ProblemHttpResult>> CreateAsync(
        CreateCompanyRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new CreateCompany(request.Name, request.Slug, request.Ein, request.Regime, request.Currency),
            company => TypedResults.Created($"/api/companies/{company.Id}", company), cancellationToken);

    public static async Task<Results<Ok<CompanyDto>, ProblemHttpResult>> GetAsync(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetCompany(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static async Task<Results<Ok<Page<CompanyDto>>, ProblemHttpResult>> ListAsync(
        ISender sender, HttpContext http, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var result = await sender.Send(new ListCompanies(limit ?? PageLimits.Default, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Ok<CompanyDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateCompanyRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new UpdateCompany(id, request.Name, request.Ein, request.Slug, request.RegistrationNumber, request.Address), TypedResults.Ok, cancellationToken);

    public sealed record CreateCompanyRequest(string? Name, string? Slug, string? Ein, string? Regime = null, string? Currency = null);

    /// <summary>
    /// Fields left out are not changed; <c>"ein": null</c> clears the EIN, and likewise the registration number and the address.
    /// An address is replaced whole. Regime and currency are fixed at creation. (No parameter defaults here: the OpenAPI
    /// schema exporter would try to write them as examples.)
    /// </summary>
    public sealed record UpdateCompanyRequest(
        Optional<string?> Name, Optional<string?> Slug, Optional<string?> Ein,
        Optional<string?> RegistrationNumber, Optional<CompanyAddressDto?> Address);
}
