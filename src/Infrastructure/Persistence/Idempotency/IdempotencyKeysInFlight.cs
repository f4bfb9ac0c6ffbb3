using System.Collections.Concurrent;
using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.Infrastructure.Persistence.Idempotency;

/// <summary>
/// The keys this process is executing right now (a singleton). A second request with a held key is answered 409 at once,
/// without touching the database; across processes PostgreSQL's advisory lock (see <see cref="IdempotencyStore"/>) does
/// the same.
/// </summary>
public sealed class IdempotencyKeysInFlight
{
    private readonly ConcurrentDictionary<IdempotencyScope, byte> _held = new();

    public bool TryHold(IdempotencyScope scope) => _held.TryAdd(scope, 0);

    public void Release(IdempotencyScope scope) => _held.TryRemove(scope, out _);
}
