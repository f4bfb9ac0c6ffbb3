using Dapper;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Identity;

internal sealed class IdentityQueries(DbSession session) : IIdentityQueries
{
    public async Task<UserDto?> GetUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRows.User>(new CommandDefinition(
            $"SELECT {IdentityRows.User.Columns} FROM users WHERE id = @userId",
            new { userId }, session.Transaction, cancellationToken: cancellationToken));
        return row is null ? null : new UserDto(row.Id, row.Email, row.IsAdmin);
    }

    public async Task<IReadOnlyDictionary<Guid, CompanyRole>> MembershipsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IdentityRows.Membership>(new CommandDefinition(
            "SELECT company_id AS CompanyId, role AS Role FROM memberships WHERE user_id = @userId",
            new { userId }, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.CompanyId, r => CompanyRoles.Parse(r.Role));
    }

    public async Task<IReadOnlyList<CompanyMemberDto>> MembersAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IdentityRows.Member>(new CommandDefinition(
            IdentityRows.Member.Query, new { companyId }, session.Transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDto()).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, string>> CompanyNamesAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken)
    {
        if (companyIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<IdentityRows.CompanyName>(new CommandDefinition(
            $"SELECT id, name FROM companies WHERE {SqlIn.Any(connection, parameters, "id", "ids", companyIds)}",
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }
}
