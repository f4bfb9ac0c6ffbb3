namespace PayrollPortal.Application.Identity;

public interface IUserRepository
{
    /// <summary>By normalised (trimmed, lower-case) email.</summary>
    Task<UserCredentials?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>False when the email is taken.</summary>
    Task<bool> TryAddAsync(NewUser user, CancellationToken cancellationToken);

    Task RecordLoginFailureAsync(Guid userId, int failedLogins, DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    /// <summary>Clears the failure count and lock; stores <paramref name="rehashedPassword"/> when the hash format was upgraded.</summary>
    Task RecordLoginSuccessAsync(Guid userId, string? rehashedPassword, CancellationToken cancellationToken);

    /// <summary>Adds the membership, or changes its role.</summary>
    Task GrantMembershipAsync(Guid userId, Guid companyId, CompanyRole role, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> AnyAdminAsync(CancellationToken cancellationToken);
}
