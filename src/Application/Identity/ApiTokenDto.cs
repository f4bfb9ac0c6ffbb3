namespace PayrollPortal.Application.Identity;

/// <summary>One of the caller's API tokens, as <c>GET /api/tokens</c> lists it: never the token itself.</summary>
/// <param name="CreatedVia"><c>session</c> or <c>operator</c>; null for a token created before the source was recorded.</param>
public sealed record ApiTokenDto(
    Guid Id, string Name, Guid? CompanyId, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt,
    string? CreatedVia)
{
    public static ApiTokenDto From(ApiTokenRecord token) =>
        new(token.Id, token.Name, token.CompanyId, token.Role, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.CreatedVia);
}
