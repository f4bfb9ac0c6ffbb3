namespace PayrollPortal.Application.Identity;

public interface IUserRepository
{
    /// <summary>By normalised (trimmed, lower-case) email.</summary>
    Task<UserCredentials?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<UserCredentials?> FindByIdAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>False when the email is taken.</summary>
    Task<bool> TryAddAsync(NewUser user, CancellationToken cancellationToken);

    Task RecordLoginFailureAsync(Guid userId, int failedLogins, DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    /// <summary>Clears the failure count and lock; stores <paramref name="rehashedPassword"/> when the hash format was upgraded.</summary>
    Task RecordLoginSuccessAsync(Guid userId, string? rehashedPassword, CancellationToken cancellationToken);

    /// <summary>Stores the new hash and clears the failure count and lock.</summary>
    Task ChangePasswordAsync(Guid userId, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Adds the membership, or changes its role; <paramref name="employeeId"/> binds a new membership to an employee record.</summary>
    Task GrantMembershipAsync(Guid userId, Guid companyId, CompanyRole role, DateTimeOffset now, CancellationToken cancellationToken, Guid? employeeId = null);

    /// <summary>Whether a member of the company is already bound to the employee record.</summary>
    Task<bool> EmployeeBoundAsync(Guid companyId, Guid employeeId, CancellationToken cancellationToken);

    Task<bool> AnyAdminAsync(CancellationToken cancellationToken);

    /// <summary>The company's members, locked until the transaction ends (PostgreSQL: <c>FOR UPDATE</c>; SQLite serialises writers).</summary>
    Task<IReadOnlyList<CompanyMemberDto>> MembersForUpdateAsync(Guid companyId, CancellationToken cancellationToken);

    /// <summary>Deletes the membership and revokes the user's API tokens for that company; returns how many were revoked.</summary>
    Task<int> RemoveMembershipAsync(Guid userId, Guid companyId, DateTimeOffset now, CancellationToken cancellationToken);
}
