namespace PayrollPortal.Application.Identity;

public interface IApiTokenRepository
{
    Task AddAsync(ApiTokenRecord token, CancellationToken cancellationToken);

    Task<ApiTokenRecord?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task RevokeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);
}
