namespace PayrollPortal.Application.Identity;

public interface IApiTokenRepository
{
    Task AddAsync(ApiTokenRecord token, CancellationToken cancellationToken);

    Task<ApiTokenRecord?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task RevokeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The user's tokens that still work at <paramref name="now"/> (neither revoked nor expired), oldest first, after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<ApiTokenRecord>> ListActiveAsync(
        Guid userId, DateTimeOffset now, Common.Paging.KeysetCursor? after, int take, CancellationToken cancellationToken);

    /// <summary>Revokes every token of the user that is not revoked yet; returns how many.</summary>
    Task<int> RevokeAllAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}
