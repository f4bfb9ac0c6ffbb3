using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace PayrollPortal.Infrastructure.Persistence.Coordination;

/// <summary>
/// Runs a periodic job on one instance at a time, at most once per interval across all of them. Inside the session's
/// transaction: on PostgreSQL a transaction-scoped advisory lock (<c>pg_try_advisory_xact_lock</c>) keeps a second instance
/// out while the job runs; then the job's <c>job_runs</c> row says whether it is due. The row is updated in the same
/// transaction as the job's work, so an instance that crashes mid-run rolls both back, releasing the lock with its
/// transaction, and the next instance to tick finds the job still due. A transaction-scoped lock, unlike a session lock,
/// is safe behind PgBouncer in transaction mode. SQLite has one writer at a time anyway (the session's write gate).
/// </summary>
public static class JobLease
{
    /// <summary>
    /// Takes the job for this run when no other instance holds it and it last started at least <paramref name="interval"/>
    /// ago. Call with the session's transaction begun; commit it to record the run, together with the job's work.
    /// </summary>
    public static async Task<bool> TryTakeAsync(DbSession session, string job, TimeSpan interval, string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        if (session.Provider == DatabaseProvider.PostgreSql)
        {
            var locked = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_xact_lock(@key)", new { key = LockKey(job) }, session.Transaction, cancellationToken: cancellationToken));
            if (!locked)
            {
                return false;
            }
        }

        var lastStarted = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT last_started_at FROM job_runs WHERE job = @job", new { job }, session.Transaction, cancellationToken: cancellationToken));
        if (lastStarted is { } last && last > now - interval)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO job_runs (job, last_started_at, last_instance) VALUES (@job, @now, @instanceId)
            ON CONFLICT (job) DO UPDATE SET last_started_at = excluded.last_started_at, last_instance = excluded.last_instance
            """,
            new { job, now, instanceId }, session.Transaction, cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>A stable 64-bit key per job name ("payroll-job:" keeps it apart from the migration and idempotency locks).</summary>
    public static long LockKey(string job) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("payroll-job:" + job)));
}
