namespace PayrollPortal.Application.Identity;

public sealed record UserDto(Guid Id, string Email, bool IsAdmin);
