namespace PayrollPortal.Application.Identity;

/// <summary>A stored API token: its hash, never the token. <see cref="CompanyId"/> is null only for a global admin token.</summary>
/// <param name="CreatedVia">Where it was made (<see cref="ApiTokenSources"/>); null for a token older than the column.</param>
public sealed record ApiTokenRecord(
    Guid Id, Guid UserId, string Name, Guid? CompanyId, string Role, string TokenHash, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? CreatedVia = null);
