namespace PayrollPortal.Application.Identity;

/// <summary>A new API token; <see cref="Token"/> is shown this once and never stored.</summary>
public sealed record CreatedApiTokenDto(Guid Id, string Name, Guid? CompanyId, string Role, DateTimeOffset ExpiresAt, string Token);
