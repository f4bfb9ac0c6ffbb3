using Dapper;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Identity;

internal sealed class ApiTokenRepository(DbSession session) : IApiTokenRepository
{
    public async Task AddAsync(ApiTokenRecord token, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_tokens (id, user_id, name, company_id, role, token_hash, created_at, expires_at, last_used_at, revoked_at, created_via)
            VALUES (@Id, @UserId, @Name, @CompanyId, @Role, @TokenHash, @CreatedAt, @ExpiresAt, NULL, NULL, @CreatedVia)
            """,
            token, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<ApiTokenRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRows.Token>(new CommandDefinition(
            $"SELECT {IdentityRows.Token.Columns} FROM api_tokens t WHERE t.id = @id",
            new { id }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task RevokeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            new { id, now }, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> ListActiveAsync(
        Guid userId, DateTimeOffset now, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var position = after is null ? string.Empty : "AND (t.created_at, t.id) > (@createdAt, @id) ";
        var rows = await connection.QueryAsync<IdentityRows.Token>(new CommandDefinition(
            $"""
            SELECT {IdentityRows.Token.Columns} FROM api_tokens t
            WHERE t.user_id = @userId AND t.revoked_at IS NULL AND t.expires_at > @now {position}
            ORDER BY t.created_at, t.id LIMIT @take
            """,
            new { userId, now, createdAt = after?.CreatedAt ?? default, id = after?.Id ?? default, take },
            session.Transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<int> RevokeAllAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL",
            new { userId, now }, session.Transaction, cancellationToken: cancellationToken));
    }
}
