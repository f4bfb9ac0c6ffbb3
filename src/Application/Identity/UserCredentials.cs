namespace PayrollPortal.Application.Identity;

/// <summary>What signing in needs to know about a user.</summary>
public sealed record UserCredentials(Guid Id, string Email, string PasswordHash, bool IsAdmin, int FailedLogins, DateTimeOffset? LockedUntil);
