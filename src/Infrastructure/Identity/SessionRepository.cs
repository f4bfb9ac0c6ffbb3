using Dapper;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Identity;

internal sealed class SessionRepository(DbSession session) : ISessionRepository
{
    public async Task AddAsync(string idHash, Guid userId, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, revoked_at) VALUES (@idHash, @userId, @createdAt, @expiresAt, NULL)",
            new { idHash, userId, createdAt, expiresAt }, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task RevokeAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET revoked_at = @now WHERE id_hash = @idHash AND revoked_at IS NULL",
            new { idHash, now }, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<int> RevokeAllAsync(Guid userId, string? keepIdHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var sql = "UPDATE sessions SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL" + (keepIdHash is null ? "" : " AND id_hash <> @keepIdHash");
        return await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { userId, keepIdHash, now }, session.Transaction, cancellationToken: cancellationToken));
    }
}
