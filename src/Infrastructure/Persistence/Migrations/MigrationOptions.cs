using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>How a migrator runs: how long it waits for another migrator's lock, and an optional extra scripts folder.</summary>
public sealed record MigrationOptions
{
    public const string LockTimeoutVariable = "PAYROLL_MIGRATION_LOCK_TIMEOUT";

    /// <summary>Long enough for a rolling deploy's other instance to finish a normal migration, short enough to fail a stuck deploy.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    /// <summary>
    /// Extra migrations merged with the embedded ones (the rollback rehearsal and the DR drill use it). The folder holds
    /// <c>NNNN_name.sql</c> and <c>NNNN_name.down.sql</c>, either directly or in a <c>postgres/</c> or <c>sqlite/</c> subfolder.
    /// </summary>
    public string? ExtraScriptsDirectory { get; init; }

    /// <summary>The server's options: <c>PAYROLL_MIGRATION_LOCK_TIMEOUT</c> in seconds, no extra scripts.</summary>
    public static MigrationOptions FromConfiguration(IConfiguration configuration) =>
        new() { LockTimeout = ParseLockTimeout(configuration[LockTimeoutVariable]) ?? DefaultLockTimeout };

    /// <summary>Seconds, as a whole or decimal number; 0 means try once without waiting. Null when unset.</summary>
    public static TimeSpan? ParseLockTimeout(string? seconds)
    {
        if (string.IsNullOrWhiteSpace(seconds))
        {
            return null;
        }

        if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 86_400 || double.IsNaN(value))
        {
            throw new MigrationException(
                $"{LockTimeoutVariable} (or --lock-timeout) must be a number of seconds between 0 and 86400, not '{seconds}'.", MigrationFailure.Configuration);
        }

        return TimeSpan.FromSeconds(value);
    }
}
