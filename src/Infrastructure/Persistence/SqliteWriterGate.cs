using System.Collections.Concurrent;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// One writer at a time per SQLite file within this process, queued asynchronously. SQLite allows one writer anyway; without
/// the gate, concurrent transactions in this process find the file locked and wait in SQLite's busy handler, which sleeps
/// and polls on a thread-pool thread (up to 100 ms per sleep), so under load most of a write's time was spent asleep after
/// the lock had already come free. Other processes on the same file (CLI verbs, a second server) are still serialised by
/// SQLite's own lock and busy timeout; the gate only orders this process's writers among themselves.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One gate per database file for the life of the process.")]
internal sealed class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriterGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _semaphore = new(1, 1);

    private SqliteWriterGate()
    {
    }

    /// <summary>The gate of the database file at <paramref name="path"/> (one per file, shared by every factory in the process).</summary>
    public static SqliteWriterGate For(string path) => Gates.GetOrAdd(Path.GetFullPath(path), _ => new SqliteWriterGate());

    /// <summary>
    /// Waits for this process's other writers. Null when <paramref name="timeout"/> passed first: the caller then goes on
    /// without the gate and SQLite's busy timeout decides, so a transaction that waits on another one in the same process
    /// (which the gate cannot see) degrades to the behaviour without a gate instead of deadlocking.
    /// </summary>
    public async ValueTask<IDisposable?> EnterAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _semaphore.WaitAsync(timeout, cancellationToken) ? new Release(_semaphore) : null;

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private SemaphoreSlim? _semaphore = semaphore;

        public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
    }
}
