namespace PayrollPortal.Application.Identity;

/// <summary>
/// A new user, or an existing account that joined the company (<see cref="ExistingAccount"/>: its own password stays, and
/// nothing is generated). <see cref="GeneratedPassword"/> is set only for a new user sent without one, and is shown this once.
/// </summary>
public sealed record CreatedUserDto(
    Guid Id, string Email, bool IsAdmin, Guid? CompanyId, string Role, string? GeneratedPassword, bool ExistingAccount = false);
