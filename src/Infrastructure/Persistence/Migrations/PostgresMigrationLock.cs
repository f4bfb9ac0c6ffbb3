using Npgsql;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// A session-level advisory lock held on a dedicated, unpooled connection. Unpooled so that closing it ends the session, which
/// releases the lock even if the explicit unlock never ran (a crash, a cancelled run). The bounded wait is PostgreSQL's own
/// <c>lock_timeout</c>, which applies to advisory locks, so a waiter wakes the moment the holder finishes instead of polling.
/// Advisory locks are per database, so migrators of different databases on one cluster never wait for each other.
/// </summary>
internal sealed class PostgresMigrationLock : IAsyncDisposable
{
    /// <summary>"PayrollM" in ASCII: a fixed key that no other part of the application uses.</summary>
    public const long Key = 0x5061_7972_6F6C_6C4D;

    private const string LockNotAvailable = "55P03";

    private readonly NpgsqlConnection _connection;

    private PostgresMigrationLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgresMigrationLock> AcquireAsync(DatabaseSettings settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, ApplicationName = "payroll migrate (lock)" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (await TryLockAsync(connection, timeout, cancellationToken))
            {
                return new PostgresMigrationLock(connection);
            }

            var holder = await DescribeHolderAsync(connection, cancellationToken);
            throw new MigrationException(
                $"another migrator{holder} holds the migration lock on {settings.SafeDisplay}; gave up {MigrationLock.Describe(timeout)} " +
                $"(raise --lock-timeout or {MigrationOptions.LockTimeoutVariable}).",
                MigrationFailure.LockTimeout);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // Closing the unpooled connection below ends the session, which releases the lock anyway.
        }

        await _connection.DisposeAsync();
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // lock_timeout = 0 would mean "wait forever", so a zero wait is a single try instead.
        if (timeout == TimeSpan.Zero)
        {
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            tryLock.Parameters.AddWithValue("key", Key);
            return (bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!;
        }

        await using (var setTimeout = new NpgsqlCommand("SELECT set_config('lock_timeout', @timeout, false)", connection))
        {
            setTimeout.Parameters.AddWithValue("timeout", $"{Math.Max(1, (long)timeout.TotalMilliseconds)}ms");
            await setTimeout.ExecuteScalarAsync(cancellationToken);
        }

        try
        {
            // No command timeout: lock_timeout bounds the wait, and a command timeout shorter than it would cut it short.
            await using var takeLock = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            takeLock.Parameters.AddWithValue("key", Key);
            await takeLock.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == LockNotAvailable)
        {
            return false;
        }
        finally
        {
            await using var reset = new NpgsqlCommand("RESET lock_timeout", connection);
            await reset.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Best effort: who holds the lock, for the error message. A 64-bit key is split across classid and objid.</summary>
    private static async Task<string> DescribeHolderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local')
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid = @high AND l.objid = @low AND l.objsubid = 1
                LIMIT 1
                """, connection);
            command.Parameters.AddWithValue("high", (long)(uint)(Key >> 32));
            command.Parameters.AddWithValue("low", (long)(uint)(Key & 0xFFFF_FFFF));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? $" (PostgreSQL pid {reader.GetInt32(0)}, '{reader.GetString(1)}' from {reader.GetString(2)})"
                : string.Empty;
        }
        catch (NpgsqlException)
        {
            return string.Empty;
        }
    }
}
