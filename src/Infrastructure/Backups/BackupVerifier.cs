using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// <c>payroll backup verify</c>: a backup is good when it restores. The file is checked against its manifest (size, SHA-256),
/// restored into a scratch database, and that database is checked: integrity, row counts and content checksums against the
/// manifest, the migration journal against this build, and a sample of SSNs against the configured PII keys. The scratch
/// database is removed afterwards.
/// </summary>
public sealed class BackupVerifier(BackupRestore restore, DatabaseSettings configured, IPiiProtector protector, TimeProvider clock)
{
    public const int SsnSampleSize = 25;

    public sealed record Check(string Name, bool Ok, string Detail);

    public sealed record Report(string File, BackupManifest? Manifest, IReadOnlyList<Check> Checks, TimeSpan Elapsed)
    {
        public bool Ok => Checks.Count > 0 && Checks.All(c => c.Ok);
    }

    public async Task<Report> VerifyAsync(string file, Action<Check>? onCheck, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var checks = new List<Check>();
        void Add(Check check)
        {
            checks.Add(check);
            onCheck?.Invoke(check);
        }

        BackupManifest manifest;
        try
        {
            manifest = (await restore.CheckFileAsync(file, requireManifest: true, cancellationToken))!;
        }
        catch (BackupException ex) when (ex.Failure == BackupFailure.Invalid)
        {
            Add(new Check("manifest", false, ex.Message));
            return new Report(file, null, checks, stopwatch.Elapsed);
        }

        Add(new Check("manifest", true, $"{manifest.SizeBytes} bytes, SHA-256 {manifest.Sha256[..16]}… as recorded at {manifest.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}"));

        await using var scratch = BackupFiles.ProviderOf(file) == DatabaseProvider.Sqlite
            ? ScratchDatabase.SqliteInTemp("verify.db")
            : await ScratchDatabase.PostgresAsync(configured, ScratchDatabase.PostgresName(configured, "verify", clock.GetUtcNow()), cancellationToken);
        try
        {
            await restore.RestoreAsync(file, scratch.Settings, force: true, cancellationToken);
        }
        catch (BackupException ex)
        {
            Add(new Check("restore", false, ex.Message));
            return new Report(file, manifest, checks, stopwatch.Elapsed);
        }

        Add(new Check("restore", true, $"restored into {scratch.Settings.SafeDisplay}"));
        await using var restored = new StandaloneDatabase(scratch.Settings);
        await CheckContentsAsync(restored, manifest, Add, cancellationToken);
        return new Report(file, manifest, checks, stopwatch.Elapsed);
    }

    /// <summary>The checks a restored database must pass, shared with the drill.</summary>
    public async Task CheckContentsAsync(StandaloneDatabase restored, BackupManifest manifest, Action<Check> add, CancellationToken cancellationToken)
    {
        await using var connection = await restored.OpenAsync(cancellationToken);
        if (connection is SqliteConnection sqlite)
        {
            var problem = await DatabaseBackup.SqliteIntegrityAsync(sqlite, cancellationToken);
            add(new Check("integrity", problem is null, problem ?? "PRAGMA integrity_check: ok"));
        }
        else
        {
            add(new Check("integrity", true, "pg_restore --exit-on-error --single-transaction completed"));
        }

        var tables = await DataFingerprint.ComputeAsync(connection, null, restored.Settings.Provider, manifest.FormatVersion, cancellationToken);
        var differences = DataFingerprint.Compare(manifest.Tables, tables);
        add(new Check(
            "rows and checksums",
            differences.Count == 0,
            differences.Count == 0
                ? $"{tables.Count} table(s), {tables.Sum(t => t.Rows)} row(s); checksums of {string.Join(", ", tables.Where(t => t.ContentSha256 is not null).Select(t => t.Table))} match"
                : string.Join("; ", differences)));

        var status = await restored.Migrator.VerifyAsync(cancellationToken);
        add(new Check(
            "migrate verify",
            status.IsAtHead,
            status.IsAtHead ? $"at head {status.HeadVersion}, checksums match" : string.Join("; ", status.Problems)));

        var pii = await PiiSample.CheckAsync(connection, protector, SsnSampleSize, cancellationToken);
        add(new Check(
            "pii keys",
            pii.Ok,
            pii.Sampled == 0
                ? "no employees, no SSN to decrypt"
                : pii.Ok ? $"{pii.Decrypted} of {pii.Sampled} sampled SSN(s) decrypt with PII_ENCRYPTION_KEYS" : $"{pii.Failures.Count} of {pii.Sampled} sampled SSN(s) do not decrypt: {pii.Failures[0]}"));
    }
}
