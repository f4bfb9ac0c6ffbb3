using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Endpoints;

/// <summary>API tokens for REST clients: created once-shown, revoked at once.</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tokens").WithTags("Tokens");
        group.MapGet("/", ListAsync).WithName("ListApiTokens");
        group.MapDelete("/", RevokeAllAsync).WithName("RevokeMyApiTokens").Idempotent();
        group.MapPost("/", CreateAsync).WithName("CreateApiToken").Accepts<CreateTokenRequest>("application/json").Idempotent();
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiToken").Idempotent();
        return app;
    }

    public static async Task<Results<Ok<Page<ApiTokenDto>>, ProblemHttpResult>> ListAsync(
        ISender sender, HttpContext http, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var result = await sender.Send(new ListApiTokens(limit ?? PageLimits.Default, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    /// <summary>Revokes every token of the caller (a portal session only); answers how many.</summary>
    public static Task<Results<Ok<RevokedTokensResponse>, ProblemHttpResult>> RevokeAllAsync(CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new RevokeMyApiTokens(), revoked => TypedResults.Ok(new RevokedTokensResponse(revoked)), cancellationToken);

    public static Task<Results<Created<CreatedApiTokenDto>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new CreateApiToken(request.Name, request.CompanyId, request.Role, request.ExpiresAt),
            token => TypedResults.Created($"/api/tokens/{token.Id}", token), cancellationToken);

    public static Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new RevokeApiToken(id), _ => TypedResults.NoContent(), cancellationToken);

    public sealed record RevokedTokensResponse(int Revoked);

    public sealed record CreateTokenRequest(string? Name, Guid? CompanyId, string? Role, DateTimeOffset? ExpiresAt);
}
