namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// The SQLite file this server started with was removed or replaced on disk. Writing on would store acknowledged data in a
/// file nobody can open again (or split it across two files), so every new connection is refused until a restart.
/// </summary>
public sealed class DatabaseFileMovedException(string path)
    : Exception($"the SQLite database file {path} was removed or replaced while the server ran; nothing more is written. Restore it or restart the server (docs/OPERATIONS.md)")
{
    public string Path { get; } = path;
}
