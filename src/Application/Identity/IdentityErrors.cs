using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

public static class IdentityErrors
{
    public static readonly Error Unauthenticated = Error.Unauthorized("auth.required", "Sign in or send an API token.");

    public static readonly Error Forbidden = Error.Forbidden("auth.forbidden", "Your role does not allow this.");

    public static readonly Error InvalidCredentials = Error.Unauthorized("auth.invalid_credentials", "The email or password is not correct, or the account is locked.");

    public static readonly Error EmailTaken = Error.Conflict("user.email_taken", "A user with this email already exists.", "email");

    public static readonly Error TokenNotFound = Error.NotFound("token.not_found", "API token not found.");

    public static readonly Error RoleAboveCaller = Error.Forbidden("auth.role_above_caller", "You cannot grant a role above your own.");
}
