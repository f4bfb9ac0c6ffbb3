using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PayrollPortal.Infrastructure.Security;

/// <summary>
/// Where the PII keys come from: <c>PII_ENCRYPTION_KEYS</c>; else, outside Production, a key file generated once under
/// <c>DATA_DIR</c> (with a warning); in Production, nothing: start-up is refused.
/// </summary>
public static partial class PiiKeyRingLoader
{
    public const string DevelopmentKeyFile = "pii-keys.dev.txt";

    public static PiiKeyRing Load(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        if (configuration[PiiKeyRing.Variable] is { Length: > 0 } configured)
        {
            return PiiKeyRing.Parse(configured);
        }

        if (environment.IsProduction())
        {
            throw new PiiKeyException(
                $"{PiiKeyRing.Variable} is required in Production: set it to kid:base64key (32 random bytes, e.g. `openssl rand -base64 32`) and escrow the key.");
        }

        var dataDirectory = DataDirectory(configuration);
        var path = Path.Combine(dataDirectory, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, PiiKeyRing.NewEntry("dev1") + Environment.NewLine);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        LogDevelopmentKeys(logger, path);
        return PiiKeyRing.Parse(File.ReadAllText(path).Trim());
    }

    /// <summary>DATA_DIR, default ./data: writable state that is not the database (keys, backups' default home).</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["DATA_DIR"] is { Length: > 0 } dir ? dir : Path.Combine(Directory.GetCurrentDirectory(), "data"));

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning,
        Message = "PII_ENCRYPTION_KEYS is not set; SSNs are encrypted with a development key from {Path}. Never use this outside development.")]
    private static partial void LogDevelopmentKeys(ILogger logger, string path);
}
