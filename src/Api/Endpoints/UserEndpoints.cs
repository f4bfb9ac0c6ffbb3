using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Api.Identity;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Endpoints;

/// <summary>
/// A company admin manages their company's members: adds, lists, changes a role, removes (global admins are created with
/// <c>payroll users create</c>).
/// </summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies/{companyId:guid}/users").WithTags("Users");
        group.MapPost("/", CreateAsync).WithName("CreateCompanyUser").Accepts<CreateCompanyUserRequest>("application/json").Idempotent()
            .RequireRateLimiting(IdentityHosting.MemberAddRateLimit).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new RateLimitMessage("Too many members added", "Too many members added from this account in the last hour (ADR 0013)."));
        group.MapGet("/", ListAsync).WithName("ListCompanyMembers");
        group.MapPatch("/{userId:guid}", ChangeRoleAsync).WithName("ChangeMemberRole").Accepts<ChangeMemberRoleRequest>("application/json").Idempotent();
        group.MapDelete("/{userId:guid}", RemoveAsync).WithName("RemoveMember").Idempotent();
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<CompanyMemberDto>>, ProblemHttpResult>> ListAsync(
        Guid companyId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListCompanyMembers(companyId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    /// <summary>Takes effect on the member's next request. The company's last company admin keeps the role (409).</summary>
    public static Task<Results<Ok<CompanyMemberDto>, ProblemHttpResult>> ChangeRoleAsync(
        Guid companyId, Guid userId, ChangeMemberRoleRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new ChangeMemberRole(companyId, userId, request.Role), TypedResults.Ok, cancellationToken);

    /// <summary>The account stays; its access to this company and its tokens for it end at once.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid companyId, Guid userId, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new RemoveMember(companyId, userId), _ => TypedResults.NoContent(), cancellationToken);

    /// <summary>Without a password one is generated and returned once, in <c>generatedPassword</c>.</summary>
    public static Task<Results<Created<CreatedUserDto>, ProblemHttpResult>> CreateAsync(
        Guid companyId, CreateCompanyUserRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new CreateUser(request.Email, request.Password, request.Role, companyId, request.EmployeeId),
            user => TypedResults.Created((string?)null, user), cancellationToken);

    public sealed record CreateCompanyUserRequest(string? Email, string? Role, string? Password, Guid? EmployeeId = null);

    public sealed record ChangeMemberRoleRequest(string? Role);
}
