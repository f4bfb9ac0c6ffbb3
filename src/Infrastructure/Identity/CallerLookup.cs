using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Identity;

/// <summary>
/// Authentication's database side: who a session secret or an API token belongs to, with their memberships, read fresh on
/// every request so that logout, revocation and a changed role take effect at once. One indexed read on the request's own
/// connection (which the endpoint then reuses); the only writes are a session's sliding renewal and a token's
/// <c>last_used_at</c>, each at most once a minute. Those two are bookkeeping: when the storage refuses them the request is
/// still served (a read must not fail because a timestamp could not be stored), the failure is logged and readiness hears
/// of it.
/// </summary>
public sealed partial class CallerLookup(DbSession session, TimeProvider clock, StorageFaults faults, ILogger<CallerLookup> logger) : ICallerLookup
{
    /// <summary>How stale <c>last_used_at</c> and a session's renewal may get before a request writes them.</summary>
    public static readonly TimeSpan WriteInterval = TimeSpan.FromMinutes(1);

    public async Task<Caller?> FromSessionAsync(string sessionSecret, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var idHash = SecretTokens.HashOf(sessionSecret);
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SessionRow>(new CommandDefinition(
            """
            SELECT s.expires_at AS ExpiresAt, u.id AS Id, u.email AS Email, u.is_admin AS IsAdmin, m.company_id AS CompanyId, m.role AS Role,
                   m.employee_id AS EmployeeId
            FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN memberships m ON m.user_id = u.id
            WHERE s.id_hash = @idHash AND s.revoked_at IS NULL
            """,
            new { idHash }, session.Transaction, cancellationToken: cancellationToken))).AsList();
        var row = rows.Count > 0 ? rows[0] : null;
        if (row is null || row.ExpiresAt <= now)
        {
            return null;
        }

        // Sliding expiry: each request may push the end out to 8 hours from now, written at most once a minute.
        var slid = now + SignIn.SessionLifetime;
        if (slid - row.ExpiresAt >= WriteInterval)
        {
            await BookkeepAsync(connection, "session renewal", new CommandDefinition(
                "UPDATE sessions SET expires_at = @slid WHERE id_hash = @idHash AND revoked_at IS NULL",
                new { slid, idHash }, session.Transaction, cancellationToken: cancellationToken));
        }

        var memberships = rows.Where(r => r.CompanyId is not null).ToDictionary(r => r.CompanyId!.Value, r => CompanyRoles.Parse(r.Role!));
        return new Caller
        {
            Id = "user:" + row.Id.ToString("D"),
            Actor = row.Email,
            IsAuthenticated = true,
            IsAdmin = row.IsAdmin,
            UserId = row.Id,
            Email = row.Email,
            Memberships = memberships,
            EmployeeBindings = rows.Where(r => r.CompanyId is not null && r.EmployeeId is not null).ToDictionary(r => r.CompanyId!.Value, r => r.EmployeeId!.Value),
        };
    }

    /// <summary>The token's caller: its role in its company, capped by its owner's current role there (or admin, while the owner is one).</summary>
    public async Task<Caller?> FromApiTokenAsync(string token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tokenHash = SecretTokens.HashOf(token);
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
            """
            SELECT t.id AS Id, t.company_id AS CompanyId, t.role AS Role, t.expires_at AS ExpiresAt, t.last_used_at AS LastUsedAt,
                   u.id AS UserId, u.email AS Email, u.is_admin AS IsAdmin, m.role AS OwnerRole
            FROM api_tokens t
            JOIN users u ON u.id = t.user_id
            LEFT JOIN memberships m ON m.user_id = t.user_id AND m.company_id = t.company_id
            WHERE t.token_hash = @tokenHash AND t.revoked_at IS NULL
            """,
            new { tokenHash }, session.Transaction, cancellationToken: cancellationToken));
        if (row is null || row.ExpiresAt <= now)
        {
            return null;
        }

        if (row.LastUsedAt is null || now - row.LastUsedAt >= WriteInterval)
        {
            await BookkeepAsync(connection, "token last-used", new CommandDefinition(
                "UPDATE api_tokens SET last_used_at = @now WHERE id = @Id", new { now, row.Id }, session.Transaction, cancellationToken: cancellationToken));
        }

        var caller = new Caller
        {
            Id = "token:" + row.Id.ToString("D"),
            Actor = $"{row.Email} (token {row.Id:D})",
            IsAuthenticated = true,
            UserId = row.UserId,
            Email = row.Email,
            TokenId = row.Id,
        };
        if (row.CompanyId is not { } companyId)
        {
            return row.Role == CompanyRoles.Admin && row.IsAdmin ? caller with { IsAdmin = true } : caller;
        }

        CompanyRole? ownerRole = row.IsAdmin ? CompanyRole.CompanyAdmin : CompanyRoles.TryParse(row.OwnerRole, out var held) ? held : null;
        if (ownerRole is not { } owner || !CompanyRoles.TryParse(row.Role, out var granted))
        {
            return caller;
        }

        var effective = granted.Value < owner ? granted.Value : owner;
        return caller with { Memberships = new Dictionary<Guid, CompanyRole> { [companyId] = effective } };
    }

    /// <summary>Runs a bookkeeping write; a database failure is logged and remembered for readiness, not thrown.</summary>
    private async Task BookkeepAsync(DbConnection connection, string what, CommandDefinition command)
    {
        try
        {
            await connection.ExecuteAsync(command);
            faults.WriteSucceeded();
        }
        catch (DbException ex)
        {
            faults.Observe(ex);
            LogBookkeepingFailed(logger, what, StorageFaults.Describe(ex) ?? ex.Message);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Could not store the {What} write; the request is served without it: {Reason}")]
    private static partial void LogBookkeepingFailed(ILogger logger, string what, string reason);

    private sealed class SessionRow
    {
        public DateTimeOffset ExpiresAt { get; init; }

        public Guid Id { get; init; }

        public string Email { get; init; } = string.Empty;

        public bool IsAdmin { get; init; }

        public Guid? CompanyId { get; init; }

        public string? Role { get; init; }

        public Guid? EmployeeId { get; init; }
    }

    private sealed class TokenRow
    {
        public Guid Id { get; init; }

        public Guid? CompanyId { get; init; }

        public string Role { get; init; } = string.Empty;

        public DateTimeOffset ExpiresAt { get; init; }

        public DateTimeOffset? LastUsedAt { get; init; }

        public Guid UserId { get; init; }

        public string Email { get; init; } = string.Empty;

        public bool IsAdmin { get; init; }

        public string? OwnerRole { get; init; }
    }
}
