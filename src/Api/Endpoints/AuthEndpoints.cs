using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Identity;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Endpoints;

/// <summary>Portal sign-in: an HttpOnly session cookie (8 h sliding) plus a CSRF token for the portal's writes.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).WithName("Login").Accepts<LoginRequest>("application/json")
            .AllowAnonymous().AddEndpointFilter<SignInRateLimitFilter>().WithMetadata(SkipCsrfCheck.Instance)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/logout", LogoutAsync).WithName("Logout");
        group.MapGet("/me", MeAsync).WithName("Me");
        group.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").Accepts<ChangePasswordRequest>("application/json")
            .AddEndpointFilter<SignInRateLimitFilter>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SignIn(request.Email, request.Password), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.ToProblem(http);
        }

        if (result.Value is not { Succeeded: true, Me: { } me, SessionSecret: { } secret })
        {
            // One answer for an unknown email, a wrong password and a locked account: no oracle.
            return ResultMapping.ToProblem([IdentityErrors.InvalidCredentials], http);
        }

        var csrf = SecretTokens.NewSecret();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(CallerClaims.SessionSecret, secret), new Claim(CallerClaims.CsrfToken, csrf), new Claim(CallerClaims.UserId, me.User.Id.ToString("D"))],
            AuthSchemes.Cookie));
        await http.SignInAsync(AuthSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        return TypedResults.Ok(new SessionResponse(me.User, me.Memberships, csrf));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SignOut(http.User.FindFirst(CallerClaims.SessionSecret)?.Value), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.ToProblem(http);
        }

        if (result.Value)
        {
            await http.SignOutAsync(AuthSchemes.Cookie);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> MeAsync(ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetMe(), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new SessionResponse(result.Value!.User, result.Value.Memberships, http.User.FindFirst(CallerClaims.CsrfToken)?.Value))
            : result.ToProblem(http);
    }

    /// <summary>
    /// 204 when changed (the calling session stays; the user's other sessions end). A wrong current password is a 400 naming
    /// <c>currentPassword</c> and counts towards the lockout, like a failed sign-in; while locked, the same 400 says so.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new ChangePassword(request.CurrentPassword, request.NewPassword, http.User.FindFirst(CallerClaims.SessionSecret)?.Value, request.RevokeTokens ?? false),
            cancellationToken);
        return !result.IsSuccess ? result.ToProblem(http) : result.Value switch
        {
            PasswordChangeOutcome.Changed => TypedResults.NoContent(),
            PasswordChangeOutcome.Locked => ResultMapping.ToProblem([PasswordErrors.Locked], http),
            _ => ResultMapping.ToProblem([PasswordErrors.WrongCurrentPassword], http),
        };
    }

    public sealed record LoginRequest(string? Email, string? Password);

    /// <param name="RevokeTokens">true also revokes every API token of the user.</param>
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, bool? RevokeTokens = null);

    /// <summary><c>csrfToken</c> is null for a bearer-token caller, which needs none.</summary>
    public sealed record SessionResponse(UserDto User, IReadOnlyList<MembershipDto> Memberships, string? CsrfToken);
}
