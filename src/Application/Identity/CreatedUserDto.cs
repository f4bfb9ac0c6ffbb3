namespace PayrollPortal.Application.Identity;

/// <summary>A new user; <see cref="GeneratedPassword"/> is set only when none was given, and is shown this once.</summary>
public sealed record CreatedUserDto(Guid Id, string Email, bool IsAdmin, Guid? CompanyId, string Role, string? GeneratedPassword);
