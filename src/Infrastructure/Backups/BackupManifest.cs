using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// <c>&lt;backup&gt;.json</c>, written beside every backup once the backup itself is complete and checked. It is what
/// <c>backup verify</c>, <c>restore</c> and the drill compare a restored database with.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset StartedAt,
    string Provider,
    string? SchemaVersion,
    string File,
    long SizeBytes,
    string Sha256,
    IReadOnlyList<TableSummary> Tables,
    string AppVersion)
{
    /// <summary>
    /// 3: content checksums combine per-row hashes order-independently, so tables are read by a scan (<see cref="DataFingerprint"/>).
    /// 2: PostgreSQL content checksums are computed by the server in key order; SQLite's are format 1's.
    /// 1: the first format. Older formats are still read, and their backups verified with their own checksums.
    /// </summary>
    public const int CurrentFormat = 3;

    public const int OldestFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string PathFor(string backupFile) => backupFile + ".json";

    public async Task WriteAsync(string backupFile, CancellationToken cancellationToken)
    {
        var path = PathFor(backupFile);
        var partial = path + ".partial";
        await System.IO.File.WriteAllBytesAsync(partial, JsonSerializer.SerializeToUtf8Bytes(this, Json), cancellationToken);
        System.IO.File.Move(partial, path, overwrite: true);
    }

    /// <summary>The manifest beside <paramref name="backupFile"/>; a missing or unreadable one is an invalid backup.</summary>
    public static async Task<BackupManifest> ReadAsync(string backupFile, CancellationToken cancellationToken)
    {
        var path = PathFor(backupFile);
        if (!System.IO.File.Exists(path))
        {
            throw new BackupException($"{backupFile} has no manifest {Path.GetFileName(path)} beside it; it is not a backup made by `payroll backup`.", BackupFailure.Invalid);
        }

        try
        {
            await using var stream = System.IO.File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken);
            if (manifest is null || manifest.FormatVersion is < OldestFormat or > CurrentFormat || manifest.Sha256 is not { Length: 64 } || manifest.Tables is null)
            {
                throw new BackupException($"{path} is not a backup manifest of format {OldestFormat} to {CurrentFormat}.", BackupFailure.Invalid);
            }

            return manifest;
        }
        catch (JsonException ex)
        {
            throw new BackupException($"{path} is not valid JSON: {ex.Message}", BackupFailure.Invalid, ex);
        }
    }
}
