using Microsoft.Data.Sqlite;
using Npgsql;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// Where the data lives, parsed from <c>DATABASE_URL</c>:
/// <c>sqlite:///relative.db</c>, <c>sqlite:////absolute.db</c>, <c>postgresql://user:pass@host:port/db?sslmode=require</c>
/// (also <c>postgres://</c>). Unset means <see cref="DefaultUrl"/>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string SafeDisplay)
{
    public const string DefaultUrl = "sqlite:///./data/app.db";

    /// <summary>How many distinct statements each PostgreSQL connection keeps prepared (Npgsql's automatic preparation).</summary>
    public const int DefaultMaxAutoPrepare = 128;

    public string ProviderName => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";

    /// <summary>The SQLite file path; null for PostgreSQL.</summary>
    public string? SqlitePath => Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    public override string ToString() => SafeDisplay;

    public static DatabaseSettings Parse(string? url, string? baseDirectory = null)
    {
        url = string.IsNullOrWhiteSpace(url) ? DefaultUrl : url.Trim();
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new DatabaseUrlException("DATABASE_URL is malformed: expected scheme://..., for example sqlite:///./data/app.db or postgresql://user:pass@host:5432/db.");
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        return scheme switch
        {
            "sqlite" => ParseSqlite(url[(schemeEnd + 3)..], baseDirectory ?? Directory.GetCurrentDirectory()),
            "postgresql" or "postgres" => ParsePostgres(url),
            _ => throw new DatabaseUrlException($"DATABASE_URL has unknown scheme '{scheme}': use sqlite, postgresql or postgres."),
        };
    }

    private static DatabaseSettings ParseSqlite(string rest, string baseDirectory)
    {
        // sqlite:///x.db leaves "/x.db" (relative); sqlite:////abs/x.db leaves "//abs/x.db" (absolute).
        if (!rest.StartsWith('/'))
        {
            throw new DatabaseUrlException("DATABASE_URL is malformed: a SQLite URL has no host; use sqlite:///relative/path.db or sqlite:////absolute/path.db.");
        }

        var path = rest[1..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        if (path.Length == 0 || path.EndsWith('/'))
        {
            throw new DatabaseUrlException("DATABASE_URL is malformed: the SQLite URL names no database file.");
        }

        var fullPath = Path.GetFullPath(path.StartsWith('/') ? path : Path.Combine(baseDirectory, path));
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        };
        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ToString(), $"sqlite:///{fullPath}");
    }

    private static DatabaseSettings ParsePostgres(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new DatabaseUrlException("DATABASE_URL is malformed: expected postgresql://user:password@host:port/database.");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new DatabaseUrlException("DATABASE_URL is malformed: the PostgreSQL URL must name one database, as in postgresql://host:5432/payroll.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,

            // Statements the application runs over and over are prepared on each pooled connection after a few uses, so
            // PostgreSQL stops parsing and planning them per request (half of its CPU per write; ADR 0011). The URL can
            // turn it off (?Max%20Auto%20Prepare=0), e.g. behind a PgBouncer older than 1.21 in transaction mode.
            MaxAutoPrepare = DefaultMaxAutoPrepare,
        };

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var (key, value) in ParseQuery(uri.Query))
        {
            try
            {
                builder[MapQueryKey(key)] = value;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
            {
                throw new DatabaseUrlException($"DATABASE_URL has an unsupported or invalid option '{key}'.");
            }
        }

        var display = $"postgresql://{(builder.Username is null ? string.Empty : builder.Username + (builder.Password is null ? string.Empty : ":***") + "@")}{builder.Host}:{builder.Port}/{builder.Database}";
        return new DatabaseSettings(DatabaseProvider.PostgreSql, builder.ConnectionString, display);
    }

    private static IEnumerable<(string Key, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            yield return (key, value);
        }
    }

    /// <summary>libpq spells some options differently from Npgsql.</summary>
    private static string MapQueryKey(string key) => key.ToLowerInvariant() switch
    {
        "sslmode" => "SSL Mode",
        "sslrootcert" => "Root Certificate",
        "sslcert" => "SSL Certificate",
        "sslkey" => "SSL Key",
        "connect_timeout" => "Timeout",
        "application_name" => "Application Name",
        "options" => "Options",
        _ => key,
    };
}
