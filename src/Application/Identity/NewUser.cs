namespace PayrollPortal.Application.Identity;

public sealed record NewUser(Guid Id, string Email, string PasswordHash, bool IsAdmin, DateTimeOffset CreatedAt);
