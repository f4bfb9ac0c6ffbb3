namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// <c>DATA_DIR/databases.recorded</c>: the SQLite files this deployment has created, one full path a line. SQLite creates a
/// missing file without a word, so a deleted database (or a volume that did not mount) would come back empty, be migrated
/// and get a new administrator, and every acknowledged write before it would be gone unnoticed. With the record, a Production
/// start-up refuses instead; <c>payroll init</c> is the explicit way to create a new database where one was recorded.
/// </summary>
public static class SqliteDatabaseRecord
{
    public const string FileName = "databases.recorded";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>
    /// Why a new database must not be created at <paramref name="databasePath"/>: the file is missing although this deployment
    /// recorded it. Null when the file is there or was never recorded.
    /// </summary>
    public static string? WhyNotCreate(string dataDirectory, string databasePath) =>
        File.Exists(databasePath) || !IsRecorded(dataDirectory, databasePath)
            ? null
            : $"the SQLite database {databasePath} is missing, yet {PathIn(dataDirectory)} records that it was created here. " +
              "Refusing to start with a new, empty database: restore it (docs/DR_RUNBOOK.md), fix DATABASE_URL or the volume mount, " +
              "or run `payroll init` to create a new one on purpose.";

    public static bool IsRecorded(string dataDirectory, string databasePath)
    {
        var record = PathIn(dataDirectory);
        return File.Exists(record) && File.ReadLines(record).Any(line => string.Equals(line.Trim(), Path.GetFullPath(databasePath), StringComparison.Ordinal));
    }

    /// <summary>Adds <paramref name="databasePath"/> to the record if it exists and is not listed yet.</summary>
    /// <exception cref="IOException">DATA_DIR cannot be written.</exception>
    public static void Record(string dataDirectory, string databasePath)
    {
        if (!File.Exists(databasePath) || IsRecorded(dataDirectory, databasePath))
        {
            return;
        }

        Directory.CreateDirectory(dataDirectory);
        File.AppendAllLines(PathIn(dataDirectory), [Path.GetFullPath(databasePath)]);
    }
}
