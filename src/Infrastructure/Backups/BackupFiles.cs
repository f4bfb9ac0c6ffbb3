using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>Names and checksums of backup files: <c>app_YYYYmmddTHHMMSSZ.db</c> (SQLite) and <c>backup_YYYYmmddTHHMMSSZ.dump</c> (PostgreSQL).</summary>
public static partial class BackupFiles
{
    public const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string FileName(DatabaseProvider provider, DateTimeOffset at) =>
        provider == DatabaseProvider.Sqlite
            ? $"app_{at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)}.db"
            : $"backup_{at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)}.dump";

    /// <summary>The provider a backup file belongs to, from its extension; null for anything else.</summary>
    public static DatabaseProvider? ProviderOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".db" => DatabaseProvider.Sqlite,
        ".dump" => DatabaseProvider.PostgreSql,
        _ => null,
    };

    /// <summary>When a backup file was taken, from its name; null when the name is not one of ours.</summary>
    public static DateTimeOffset? TakenAt(string path)
    {
        var match = Name().Match(Path.GetFileName(path));
        return match.Success && DateTime.TryParseExact(match.Groups["ts"].Value, TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
    }

    public static async Task<(long Size, string Sha256)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var sha = await SHA256.HashDataAsync(stream, cancellationToken);
        return (stream.Length, Convert.ToHexStringLower(sha));
    }

    /// <summary>Removes what a failed run leaves behind; a file that cannot be removed is reported by the caller's error, not here.</summary>
    public static void DeleteQuietly(params string[] paths)
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: the run already failed with a clearer error.
            }
        }
    }

    [GeneratedRegex(@"^(app|backup)_(?<ts>\d{8}T\d{6}Z)\.(db|dump)$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
