using Dapper;

namespace PayrollPortal.Infrastructure.Persistence.Idempotency;

/// <summary>
/// The idempotency_keys table. A claim is one committed row ('in_flight', with a lease and an owner token) written before
/// the command runs, outside its transaction, so concurrent requests with the same key see it at once. The completion is
/// written through the same scoped session: inside the command's transaction for a success, on its own after the command
/// for a stored 4xx. A request that fails with a 5xx deletes its claim; one that dies leaves it until the lease runs out.
/// </summary>
public sealed class IdempotencyStore(DbSession session, TimeProvider clock)
{
    private const string Key = "caller = @Caller AND method = @Method AND route = @Route AND idempotency_key = @Key";
    private const int MaxClaimAttempts = 3;

    public async Task<ClaimOutcome> ClaimAsync(
        IdempotencyScope scope, string fingerprint, string requestId, TimeSpan lease, TimeSpan retention, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var owner = Guid.NewGuid().ToString("N");
        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            // A fresh key (the common case) costs one statement: the insert either claims it or finds it taken.
            var now = clock.GetUtcNow();
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO idempotency_keys (caller, method, route, idempotency_key, fingerprint, status, owner_token, locked_until,
                                              request_id, created_at, expires_at)
                VALUES (@Caller, @Method, @Route, @Key, @fingerprint, 'in_flight', @owner, @lockedUntil, @requestId, @now, @expiresAt)
                ON CONFLICT (caller, method, route, idempotency_key) DO NOTHING
                """,
                Parameters(scope, new { fingerprint, owner, lockedUntil = now + lease, requestId, now, expiresAt = now + retention }),
                cancellationToken: cancellationToken));
            if (inserted == 1)
            {
                return new ClaimOutcome.Claimed(owner);
            }

            var row = await ReadAsync(scope, cancellationToken);
            if (row is null)
            {
                continue;
            }

            if (row.ExpiresAt <= now)
            {
                // Past retention the key is forgotten, whether or not the pruner has removed it yet.
                await connection.ExecuteAsync(new CommandDefinition(
                    $"DELETE FROM idempotency_keys WHERE {Key} AND expires_at <= @now", Parameters(scope, new { now }), cancellationToken: cancellationToken));
                continue;
            }

            if (!string.Equals(row.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return new ClaimOutcome.FingerprintMismatch();
            }

            if (row.Status == "completed")
            {
                return new ClaimOutcome.Completed(
                    new StoredResponse(row.ResponseStatus ?? 200, row.ResponseLocation, row.ResponseContentType, row.ResponseBody ?? string.Empty),
                    row.RequestId);
            }

            if (row.LockedUntil > now)
            {
                return new ClaimOutcome.InFlight(row.LockedUntil - now);
            }

            // The previous holder's lease ran out (its process died): take the key over, unless someone else just did.
            var taken = await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE idempotency_keys SET owner_token = @owner, locked_until = @lockedUntil, request_id = @requestId
                WHERE {Key} AND status = 'in_flight' AND owner_token = @previous
                """,
                Parameters(scope, new { owner, lockedUntil = now + lease, requestId, previous = row.OwnerToken }),
                cancellationToken: cancellationToken));
            if (taken == 1)
            {
                return new ClaimOutcome.Claimed(owner);
            }
        }

        return new ClaimOutcome.InFlight(TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Stores the response as the key's outcome, in the session's current transaction if there is one. False when this
    /// request no longer owns the key (its lease ran out and another request took it over).
    /// </summary>
    public async Task<bool> CompleteAsync(IdempotencyScope scope, string ownerToken, StoredResponse response, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE idempotency_keys SET status = 'completed', response_status = @Status, response_location = @Location,
                   response_content_type = @ContentType, response_body = @Body, completed_at = @now
            WHERE {Key} AND status = 'in_flight' AND owner_token = @ownerToken
            """,
            Parameters(scope, new { response.Status, response.Location, response.ContentType, response.Body, now = clock.GetUtcNow(), ownerToken }),
            session.Transaction,
            cancellationToken: cancellationToken));
        return updated == 1;
    }

    /// <summary>Gives the key back after a failure that must not be stored (5xx, crash of the request, cancellation).</summary>
    public async Task ReleaseAsync(IdempotencyScope scope, string ownerToken, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM idempotency_keys WHERE {Key} AND status = 'in_flight' AND owner_token = @ownerToken",
            Parameters(scope, new { ownerToken }), session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Removes keys past their retention; an in-flight key is kept until its lease has run out too.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE expires_at <= @now AND (status = 'completed' OR locked_until <= @now)",
            new { now = clock.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken));
    }

    private async Task<IdempotencyRow?> ReadAsync(IdempotencyScope scope, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdempotencyRow>(new CommandDefinition(
            $"""
            SELECT fingerprint AS Fingerprint, status AS Status, owner_token AS OwnerToken, locked_until AS LockedUntil, request_id AS RequestId,
                   response_status AS ResponseStatus, response_location AS ResponseLocation, response_content_type AS ResponseContentType,
                   response_body AS ResponseBody, expires_at AS ExpiresAt
            FROM idempotency_keys WHERE {Key}
            """,
            Parameters(scope), session.Transaction, cancellationToken: cancellationToken));
    }

    private static DynamicParameters Parameters(IdempotencyScope scope, object? more = null)
    {
        var parameters = new DynamicParameters(new { scope.Caller, scope.Method, scope.Route, scope.Key });
        if (more is not null)
        {
            parameters.AddDynamicParams(more);
        }

        return parameters;
    }

    private sealed class IdempotencyRow
    {
        public string Fingerprint { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public string OwnerToken { get; init; } = string.Empty;

        public DateTimeOffset LockedUntil { get; init; }

        public string RequestId { get; init; } = string.Empty;

        public int? ResponseStatus { get; init; }

        public string? ResponseLocation { get; init; }

        public string? ResponseContentType { get; init; }

        public string? ResponseBody { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
