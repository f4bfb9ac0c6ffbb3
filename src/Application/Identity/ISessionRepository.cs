namespace PayrollPortal.Application.Identity;

/// <summary>Portal sessions, by the SHA-256 of their secret (the secret lives only in the encrypted cookie).</summary>
public interface ISessionRepository
{
    Task AddAsync(string idHash, Guid userId, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task RevokeAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends every open session of the user except <paramref name="keepIdHash"/>; returns how many ended.</summary>
    Task<int> RevokeAllAsync(Guid userId, string? keepIdHash, DateTimeOffset now, CancellationToken cancellationToken);
}
