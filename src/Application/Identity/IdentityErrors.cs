using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

public static class IdentityErrors
{
    public static readonly Error Unauthenticated = Error.Unauthorized("auth.required", "Sign in or send an API token.");

    public static readonly Error Forbidden = Error.Forbidden("auth.forbidden", "Your role does not allow this.");

    public static readonly Error UnknownEmployee = Error.Validation("user.employee_unknown", "No employee with this id belongs to the company.", "employeeId");

    public static readonly Error EmployeeAlreadyBound = Error.Conflict(
        "member.employee_bound", "Another member of the company is already bound to this employee record.", "employeeId");

    public static readonly Error InvalidCredentials = Error.Unauthorized("auth.invalid_credentials", "The email or password is not correct, or the account is locked.");

    public static readonly Error EmailTaken = Error.Conflict("user.email_taken", "A user with this email already exists.", "email");

    public static readonly Error EmailTakenSendWithoutPassword = Error.Conflict(
        "user.email_taken", "An account with this email already exists. To add it to this company, send the request without a password: the account keeps its own.", "email");

    public static readonly Error AlreadyMember = Error.Conflict(
        "member.already_member", "This account is already a member of the company; change its role with PATCH /api/companies/{companyId}/users/{userId}.", "email");

    public static readonly Error GlobalAdminNeedsNoMembership = Error.Conflict(
        "member.global_admin", "This account is a global administrator and already has access to every company.", "email");

    public static readonly Error UserNotFound = Error.NotFound("user.not_found", "No user has this email.");

    public static readonly Error TokenNotFound = Error.NotFound("token.not_found", "API token not found.");

    public static readonly Error SessionRequired = Error.Forbidden(
        "auth.session_required", "This needs a signed-in portal session: an API token cannot create tokens or revoke other tokens (it may revoke itself).");

    public static readonly Error RoleAboveCaller = Error.Forbidden("auth.role_above_caller", "You cannot grant a role above your own.");
}

/// <summary>Why a password change was refused; the endpoint answers them as 400s naming <c>currentPassword</c>.</summary>
public static class PasswordErrors
{
    public static readonly Error WrongCurrentPassword = Error.Validation(
        "auth.current_password_wrong", "The current password is not correct.", "currentPassword");

    public static readonly Error Locked = Error.Validation(
        "auth.locked", "Too many wrong passwords: the account is locked for 15 minutes.", "currentPassword");
}
