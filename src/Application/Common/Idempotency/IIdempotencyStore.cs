namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>
/// Where keys and their outcomes live, and who may execute a key right now (the database, in Infrastructure). Only
/// <see cref="Behaviors.IdempotencyBehavior{TMessage, TResponse}"/> decides when to call it; the host prunes through it.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Reads the key and, when it holds no outcome yet, holds it for this scope until <see cref="ReleaseAsync"/>. Runs outside
    /// any transaction, before the command is validated.
    /// </summary>
    Task<ClaimOutcome> ClaimAsync(IdempotencyScope scope, string fingerprint, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="response"/> as the held key's outcome as the last statement of the current transaction, so it
    /// commits with the command's rows or not at all.
    /// </summary>
    void CompleteOnCommit(StoredResponse response, string fingerprint, string requestId, TimeSpan retention);

    /// <summary>
    /// Stores a deterministic client error as the held key's outcome, on its own after the command rolled back. False when
    /// the key already has an outcome.
    /// </summary>
    Task<bool> StoreAsync(StoredResponse response, string fingerprint, string requestId, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Lets other requests execute the key again. Safe to call more than once.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken);

    /// <summary>Removes keys past their retention; returns how many.</summary>
    Task<int> PruneAsync(CancellationToken cancellationToken);
}
