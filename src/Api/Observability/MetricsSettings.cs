using System.Globalization;

namespace PayrollPortal.Api.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: a separate port (<c>METRICS_PORT</c>, reachable only where the network lets Prometheus in),
/// a bearer token (<c>METRICS_TOKEN</c>) on the main port, or both. With neither, the metrics are not served at all.
/// </summary>
internal sealed record MetricsSettings(int? Port, string? Token, IReadOnlyList<string> BackupFolders)
{
    public const int MinimumTokenLength = 32;

    public bool Exposed => Port is not null || Token is not null;

    /// <exception cref="InvalidOperationException">A malformed port or a token too short to resist guessing.</exception>
    public static MetricsSettings FromConfiguration(IConfiguration configuration)
    {
        int? port = null;
        if (configuration["METRICS_PORT"] is { Length: > 0 } rawPort)
        {
            port = int.TryParse(rawPort, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= 65535
                ? parsed
                : throw new InvalidOperationException("METRICS_PORT must be a TCP port number (1-65535).");
        }

        string? token = null;
        if (configuration["METRICS_TOKEN"] is { Length: > 0 } rawToken)
        {
            token = rawToken.Trim().Length >= MinimumTokenLength && rawToken.All(c => c is > ' ' and < (char)127)
                ? rawToken.Trim()
                : throw new InvalidOperationException(
                    $"METRICS_TOKEN must be at least {MinimumTokenLength} printable ASCII characters without spaces (e.g. openssl rand -hex 32).");
        }

        return new MetricsSettings(port, token, BackupFoldersFrom(configuration));
    }

    /// <summary>
    /// Where <c>payroll backup</c> writes its manifests: <c>BACKUP_DIR</c> when set, else <c>DATA_DIR/backups</c> and
    /// <c>./backups</c> (the verb's default <c>--out</c>), which are the same folder in the container (WORKDIR is DATA_DIR).
    /// </summary>
    private static string[] BackupFoldersFrom(IConfiguration configuration)
    {
        if (configuration["BACKUP_DIR"] is { Length: > 0 } explicitFolder)
        {
            return [Path.GetFullPath(explicitFolder)];
        }

        var dataDir = configuration["DATA_DIR"] is { Length: > 0 } dir ? dir : Path.Combine(Directory.GetCurrentDirectory(), "data");
        return new[] { Path.GetFullPath(Path.Combine(dataDir, "backups")), Path.GetFullPath("backups") }.Distinct(StringComparer.Ordinal).ToArray();
    }
}
