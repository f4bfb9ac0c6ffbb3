using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.Infrastructure.Persistence.Idempotency;

/// <summary>
/// The idempotency_keys table, and who may execute a key right now. A key's row is written once, when its outcome is known:
/// a success inside the command's own transaction (sent with its COMMIT), a deterministic 4xx on its own afterwards. While a
/// request executes a key, the key is held: in this process by <see cref="IdempotencyKeysInFlight"/>, and on PostgreSQL
/// across processes by a session advisory lock on the request's connection, taken in the same round trip that reads the
/// row and released in the COMMIT's round trip. Nothing about an execution is committed before its outcome, so a request
/// that fails, is rolled back or dies with its process leaves nothing behind: the key is free again at once (the server
/// drops a dead connection's locks). What to do when is decided by the Application's idempotency behaviour (ADR 0006).
/// </summary>
public sealed class IdempotencyStore(DbSession session, IdempotencyKeysInFlight inFlight, TimeProvider clock) : IIdempotencyStore, IAsyncDisposable
{
    private const string Key = "caller = @Caller AND method = @Method AND route = @Route AND idempotency_key = @Key";

    /// <summary>The advisory-lock class of idempotency keys (the two-integer form, a key space of its own).</summary>
    private const string LockClass = "7655";

    /// <summary>Another executor holds the key, for an unknown time: payroll commands take well under a second.</summary>
    private static readonly TimeSpan UnknownRemaining = TimeSpan.FromSeconds(1);

    // The response body travels as the UTF-8 bytes that were sent, never as a .NET string (a 50-line payroll's 53 KB would be
    // a 106 KB string on the large object heap, twice per request); the database converts it to and from its text column.
    private const string Columns =
        """
        fingerprint AS Fingerprint, request_id AS RequestId,
        response_status AS ResponseStatus, response_location AS ResponseLocation, response_content_type AS ResponseContentType,
        expires_at AS ExpiresAt
        """;

    private const string PostgresColumns = $"{Columns}, convert_to(response_body, 'UTF8') AS ResponseBody";

    private const string SqliteColumns = $"{Columns}, CAST(response_body AS BLOB) AS ResponseBody";

    private const string PostgresSelectRow = $"SELECT {PostgresColumns} FROM idempotency_keys WHERE {Key}";

    private const string SqliteSelectRow = $"SELECT {SqliteColumns} FROM idempotency_keys WHERE {Key}";

    // Two statements in one round trip. The first takes the lock unless a live completed row exists (a replay takes no lock,
    // so concurrent replays never see each other as in flight); the second reads the row with a snapshot taken after the lock,
    // so it sees every outcome committed by the lock's previous holder.
    private const string PostgresClaim =
        $"""
        SELECT pg_try_advisory_lock({LockClass}, @lockId)
        WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys WHERE {Key} AND expires_at > @now);
        SELECT {PostgresColumns} FROM idempotency_keys WHERE {Key};
        """;

    private const string PostgresUnlock = $"SELECT pg_advisory_unlock({LockClass}, @lockId)";

    private const string InsertColumns =
        """
        INSERT INTO idempotency_keys (caller, method, route, idempotency_key, fingerprint, request_id, response_status,
                                      response_location, response_content_type, response_body, created_at, expires_at)
        VALUES (@Caller, @Method, @Route, @Key, @fingerprint, @requestId, @Status, @Location, @ContentType,
        """;

    private const string PostgresInsert = $"{InsertColumns} convert_from(@Body, 'UTF8'), @now, @expiresAt)";

    private const string SqliteInsert = $"{InsertColumns} CAST(@Body AS TEXT), @now, @expiresAt)";

    private string Insert => session.Provider == DatabaseProvider.PostgreSql ? PostgresInsert : SqliteInsert;

    private string SelectRow => session.Provider == DatabaseProvider.PostgreSql ? PostgresSelectRow : SqliteSelectRow;

    private IdempotencyScope? _held;
    private int _lockId;
    private bool _serverLock;

    /// <summary>
    /// Reads the key and, when it holds no outcome yet, holds it for this request until <see cref="ReleaseAsync"/> (or the
    /// end of the request's scope). Runs outside any transaction, before the command is validated.
    /// </summary>
    public async Task<ClaimOutcome> ClaimAsync(IdempotencyScope scope, string fingerprint, CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            throw new InvalidOperationException("This request already holds an idempotency key.");
        }

        if (!inFlight.TryHold(scope))
        {
            // Another request of this process holds the key: an execution (409), or a replay of a completed key (replay too).
            var now = clock.GetUtcNow();
            var row = await ReadAsync(await session.ConnectionAsync(cancellationToken), Parameters(scope), cancellationToken);
            return Decide(row, fingerprint, now) ?? new ClaimOutcome.InFlight(UnknownRemaining);
        }

        _held = scope;
        try
        {
            var outcome = await ReadAndDecideAsync(scope, fingerprint, cancellationToken);
            if (outcome is not ClaimOutcome.Claimed)
            {
                await ReleaseAsync(cancellationToken);
            }

            return outcome;
        }
        catch
        {
            await ReleaseAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Stores <paramref name="response"/> as the held key's outcome, as the last statement of the session's transaction (so it
    /// commits with the command's rows or not at all). On PostgreSQL it travels with the COMMIT, and so does the lock's release.
    /// </summary>
    public void CompleteOnCommit(StoredResponse response, string fingerprint, string requestId, TimeSpan retention)
    {
        var scope = _held ?? throw new InvalidOperationException("No idempotency key is held by this request.");
        var parameters = Parameters(scope, response, fingerprint, requestId, retention);
        if (session.Provider == DatabaseProvider.PostgreSql)
        {
            parameters.Add("lockId", _lockId);
            session.RunBeforeCommit(Insert, parameters, PostgresUnlock, () => _serverLock = false);
        }
        else
        {
            session.RunBeforeCommit(Insert, parameters);
        }
    }

    /// <summary>
    /// Stores a deterministic client error (4xx) as the held key's outcome, on its own after the command rolled back. False
    /// when the key already has an outcome (then the caller answers with what it has).
    /// </summary>
    public async Task<bool> StoreAsync(StoredResponse response, string fingerprint, string requestId, TimeSpan retention, CancellationToken cancellationToken)
    {
        var scope = _held ?? throw new InvalidOperationException("No idempotency key is held by this request.");
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"{Insert} ON CONFLICT (caller, method, route, idempotency_key) DO NOTHING",
            Parameters(scope, response, fingerprint, requestId, retention), session.Transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Lets other requests execute the key again. Safe to call more than once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_held is not { } scope)
        {
            return;
        }

        _held = null;
        try
        {
            if (_serverLock)
            {
                _serverLock = false;
                var connection = await session.ConnectionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(PostgresUnlock, new { lockId = _lockId }, cancellationToken: cancellationToken));
            }
        }
        finally
        {
            inFlight.Release(scope);
        }
    }

    /// <summary>Removes keys past their retention.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE expires_at <= @now",
            new { now = clock.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The end of the request's scope releases a key its request did not (the scope's connection is still open).</summary>
    public async ValueTask DisposeAsync() => await ReleaseAsync(CancellationToken.None);

    private async Task<ClaimOutcome> ReadAndDecideAsync(IdempotencyScope scope, string fingerprint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = Parameters(scope);
        parameters.Add("now", now);
        IdempotencyRow? row;
        var free = true;
        if (session.Provider == DatabaseProvider.PostgreSql)
        {
            _lockId = LockId(scope);
            parameters.Add("lockId", _lockId);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(PostgresClaim, parameters, cancellationToken: cancellationToken));
            _serverLock = await results.ReadSingleOrDefaultAsync<bool?>() == true;
            row = await results.ReadSingleOrDefaultAsync<IdempotencyRow>();
            free = _serverLock;
        }
        else
        {
            row = await ReadAsync(connection, parameters, cancellationToken);
        }

        if (Decide(row, fingerprint, now) is { } outcome)
        {
            return outcome;
        }

        if (!free)
        {
            return new ClaimOutcome.InFlight(UnknownRemaining);
        }

        if (row is not null)
        {
            // Past retention: forgotten even before the pruner removes it.
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM idempotency_keys WHERE {Key} AND expires_at <= @now",
                parameters, cancellationToken: cancellationToken));
        }

        return new ClaimOutcome.Claimed();
    }

    private Task<IdempotencyRow?> ReadAsync(System.Data.Common.DbConnection connection, DynamicParameters parameters, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<IdempotencyRow>(new CommandDefinition(SelectRow, parameters, cancellationToken: cancellationToken));

    /// <summary>What a live row says (replay or 422); null when the key has no live outcome.</summary>
    private static ClaimOutcome? Decide(IdempotencyRow? row, string fingerprint, DateTimeOffset now)
    {
        if (row is null || row.ExpiresAt <= now)
        {
            return null;
        }

        if (!string.Equals(row.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return new ClaimOutcome.FingerprintMismatch();
        }

        return new ClaimOutcome.Completed(
            new StoredResponse(row.ResponseStatus, row.ResponseLocation, row.ResponseContentType, row.ResponseBody ?? []), row.RequestId);
    }

    private DynamicParameters Parameters(IdempotencyScope scope, StoredResponse response, string fingerprint, string requestId, TimeSpan retention)
    {
        var now = clock.GetUtcNow();
        var parameters = Parameters(scope);
        parameters.AddDynamicParams(new
        {
            fingerprint, requestId, now, expiresAt = now + retention, response.Status, response.Location, response.ContentType, response.Body,
        });
        return parameters;
    }

    private static DynamicParameters Parameters(IdempotencyScope scope) =>
        new(new { scope.Caller, scope.Method, scope.Route, scope.Key });

    /// <summary>32 bits of SHA-256 over the scope: two keys sharing a lock id only make one wait for the other (409).</summary>
    private static int LockId(IdempotencyScope scope)
    {
        var text = string.Join('\0', scope.Caller, scope.Method, scope.Route, scope.Key);
        return BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed class IdempotencyRow
    {
        public string Fingerprint { get; init; } = string.Empty;

        public string RequestId { get; init; } = string.Empty;

        public int ResponseStatus { get; init; }

        public string? ResponseLocation { get; init; }

        public string? ResponseContentType { get; init; }

        public byte[]? ResponseBody { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
