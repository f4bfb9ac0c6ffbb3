namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>Whether a SQLite database can be written where it lives, asked once before anything waits on it.</summary>
public static class SqliteStorage
{
    /// <summary>
    /// Null when the folder takes a new file (SQLite creates <c>-wal</c> and <c>-shm</c> files beside the database) and the
    /// database file, if there is one, opens for writing; otherwise the operating system's reason, in one line. Without this a
    /// read-only file system shows up much later and in other words (a migration lock that never comes free).
    /// </summary>
    public static string? WhyNotWritable(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".{Path.GetFileName(databasePath)}.write-probe-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose))
            {
            }

            if (File.Exists(databasePath))
            {
                using var database = new FileStream(databasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the SQLite database {databasePath} cannot be written: {ex.Message}";
        }
    }
}
