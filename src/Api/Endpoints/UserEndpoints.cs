using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Endpoints;

/// <summary>A company admin adds members to their company (global admins are created with <c>payroll users create</c>).</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/companies/{companyId:guid}/users").WithTags("Users")
            .MapPost("/", CreateAsync).WithName("CreateCompanyUser").Accepts<CreateCompanyUserRequest>("application/json").Idempotent();
        return app;
    }

    /// <summary>Without a password one is generated and returned once, in <c>generatedPassword</c>.</summary>
    public static Task<Results<Created<CreatedUserDto>, ProblemHttpResult>> CreateAsync(
        Guid companyId, CreateCompanyUserRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new CreateUser(request.Email, request.Password, request.Role, companyId),
            user => TypedResults.Created((string?)null, user), cancellationToken);

    public sealed record CreateCompanyUserRequest(string? Email, string? Role, string? Password);
}
