namespace PayrollPortal.Application.Identity;

/// <summary>Who a session secret or an API token belongs to, with their memberships, read afresh on every request.</summary>
public interface ICallerLookup
{
    /// <summary>The session's caller, or null for an unknown or expired session.</summary>
    Task<Caller?> FromSessionAsync(string sessionSecret, CancellationToken cancellationToken);

    /// <summary>The token's caller, or null for an unknown, revoked or expired token.</summary>
    Task<Caller?> FromApiTokenAsync(string token, CancellationToken cancellationToken);
}
