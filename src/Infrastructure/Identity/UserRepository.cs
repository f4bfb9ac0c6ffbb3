using Dapper;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Identity;

internal sealed class UserRepository(DbSession session) : IUserRepository
{
    public Task<UserCredentials?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        FindAsync("email = @email", new { email }, cancellationToken);

    public Task<UserCredentials?> FindByIdAsync(Guid userId, CancellationToken cancellationToken) =>
        FindAsync("id = @userId", new { userId }, cancellationToken);

    private async Task<UserCredentials?> FindAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRows.User>(new CommandDefinition(
            $"SELECT {IdentityRows.User.Columns} FROM users WHERE {where}", parameters, session.Transaction, cancellationToken: cancellationToken));
        return row is null ? null : new UserCredentials(row.Id, row.Email, row.PasswordHash, row.IsAdmin, row.FailedLogins, row.LockedUntil);
    }

    public async Task<bool> TryAddAsync(NewUser user, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, email, password_hash, is_admin, failed_logins, locked_until, created_at)
            VALUES (@Id, @Email, @PasswordHash, @IsAdmin, 0, NULL, @CreatedAt)
            ON CONFLICT (email) DO NOTHING
            """,
            user, session.Transaction, cancellationToken: cancellationToken)) == 1;
    }

    public async Task RecordLoginFailureAsync(Guid userId, int failedLogins, DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET failed_logins = @failedLogins, locked_until = @lockedUntil WHERE id = @userId",
            new { userId, failedLogins, lockedUntil }, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task RecordLoginSuccessAsync(Guid userId, string? rehashedPassword, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users SET failed_logins = 0, locked_until = NULL, password_hash = COALESCE(@rehashedPassword, password_hash)
            WHERE id = @userId
            """,
            new { userId, rehashedPassword }, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task ChangePasswordAsync(Guid userId, string passwordHash, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @passwordHash, failed_logins = 0, locked_until = NULL WHERE id = @userId",
            new { userId, passwordHash }, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task GrantMembershipAsync(
        Guid userId, Guid companyId, CompanyRole role, DateTimeOffset now, CancellationToken cancellationToken, Guid? employeeId = null)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO memberships (user_id, company_id, role, created_at, employee_id) VALUES (@userId, @companyId, @role, @now, @employeeId)
            ON CONFLICT (user_id, company_id) DO UPDATE SET role = excluded.role
            """,
            new { userId, companyId, role = role.Name(), now, employeeId }, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<bool> EmployeeBoundAsync(Guid companyId, Guid employeeId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM memberships WHERE company_id = @companyId AND employee_id = @employeeId",
            new { companyId, employeeId }, session.Transaction, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM users WHERE is_admin = @admin", new { admin = true }, session.Transaction, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<CompanyMemberDto>> MembersForUpdateAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var sql = session.Provider == DatabaseProvider.PostgreSql ? IdentityRows.Member.Query + " FOR UPDATE OF m" : IdentityRows.Member.Query;
        var rows = await connection.QueryAsync<IdentityRows.Member>(new CommandDefinition(
            sql, new { companyId }, session.Transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDto()).ToList();
    }

    public async Task<int> RemoveMembershipAsync(Guid userId, Guid companyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM memberships WHERE user_id = @userId AND company_id = @companyId",
            new { userId, companyId }, session.Transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_at = @now WHERE user_id = @userId AND company_id = @companyId AND revoked_at IS NULL",
            new { userId, companyId, now }, session.Transaction, cancellationToken: cancellationToken));
    }
}
