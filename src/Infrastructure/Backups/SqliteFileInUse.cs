namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// Whether another process has a SQLite database open, read from SQLite's own lock: in WAL mode every open connection holds
/// a shared lock on the "dead man switch" byte of the <c>-shm</c> file (offset 128 in the unix VFS) for as long as it is
/// open, and SQLite itself tests that byte for an exclusive lock to learn whether it is alone. A server keeps its pooled
/// connections open, so a running server is seen even when it is idle.
/// </summary>
internal static class SqliteFileInUse
{
    private const long DeadManSwitch = 128;

    /// <summary>False when it cannot tell (macOS, whose file locks .NET does not offer).</summary>
    public static bool IsOpenElsewhere(string databasePath)
    {
        var shm = databasePath + "-shm";
        if (OperatingSystem.IsMacOS() || !File.Exists(shm))
        {
            // Without a -shm file no connection has the database open in WAL mode.
            return false;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(shm, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        using (stream)
        {
            try
            {
                stream.Lock(DeadManSwitch, 1);
            }
            catch (IOException)
            {
                return true;
            }

            stream.Unlock(DeadManSwitch, 1);
            return false;
        }
    }
}
