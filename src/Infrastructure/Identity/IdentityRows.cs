using PayrollPortal.Application.Identity;
namespace PayrollPortal.Infrastructure.Identity;

/// <summary>Row shapes as Dapper reads them (settable properties, so the Guid, instant and boolean handlers apply on both providers).</summary>
internal static class IdentityRows
{
    internal sealed class User
    {
        public const string Columns =
            "id AS Id, email AS Email, password_hash AS PasswordHash, is_admin AS IsAdmin, failed_logins AS FailedLogins, locked_until AS LockedUntil";

        public Guid Id { get; init; }

        public string Email { get; init; } = string.Empty;

        public string PasswordHash { get; init; } = string.Empty;

        public bool IsAdmin { get; init; }

        public int FailedLogins { get; init; }

        public DateTimeOffset? LockedUntil { get; init; }
    }

    internal sealed class Membership
    {
        public Guid CompanyId { get; init; }

        public string Role { get; init; } = string.Empty;
    }

    internal sealed class Member
    {
        public const string Query =
            """
            SELECT m.user_id AS UserId, u.email AS Email, m.role AS Role, m.created_at AS Since
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.company_id = @companyId
            ORDER BY u.email
            """;

        public Guid UserId { get; init; }

        public string Email { get; init; } = string.Empty;

        public string Role { get; init; } = string.Empty;

        public DateTimeOffset Since { get; init; }

        public CompanyMemberDto ToDto() => new(UserId, Email, Role, Since);
    }

    internal sealed class CompanyName
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;
    }

    internal sealed class Token
    {
        public const string Columns =
            "t.id AS Id, t.user_id AS UserId, t.name AS Name, t.company_id AS CompanyId, t.role AS Role, t.token_hash AS TokenHash, " +
            "t.created_at AS CreatedAt, t.expires_at AS ExpiresAt, t.last_used_at AS LastUsedAt, t.revoked_at AS RevokedAt, t.created_via AS CreatedVia";

        public Guid Id { get; init; }

        public Guid UserId { get; init; }

        public string Name { get; init; } = string.Empty;

        public Guid? CompanyId { get; init; }

        public string Role { get; init; } = string.Empty;

        public string TokenHash { get; init; } = string.Empty;

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }

        public DateTimeOffset? LastUsedAt { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }

        public string? CreatedVia { get; init; }

        public Application.Identity.ApiTokenRecord ToRecord() =>
            new(Id, UserId, Name, CompanyId, Role, TokenHash, CreatedAt, ExpiresAt, LastUsedAt, RevokedAt, CreatedVia);
    }
}
