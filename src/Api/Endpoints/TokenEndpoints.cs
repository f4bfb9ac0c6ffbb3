using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Endpoints;

/// <summary>API tokens for REST clients: created once-shown, revoked at once.</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tokens").WithTags("Tokens");
        group.MapPost("/", CreateAsync).WithName("CreateApiToken").Accepts<CreateTokenRequest>("application/json").Idempotent();
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiToken").Idempotent();
        return app;
    }

    public static Task<Results<Created<CreatedApiTokenDto>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new CreateApiToken(request.Name, request.CompanyId, request.Role, request.ExpiresAt),
            token => TypedResults.Created($"/api/tokens/{token.Id}", token), cancellationToken);

    public static Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new RevokeApiToken(id), _ => TypedResults.NoContent(), cancellationToken);

    public sealed record CreateTokenRequest(string? Name, Guid? CompanyId, string? Role, DateTimeOffset? ExpiresAt);
}
