using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>
/// The result a keyed command returns when it did not execute. A sender reads <see cref="IdempotencyContext.Answer"/> for
/// what to answer (the stored response, 409 or 422); these say the same to anything that only sees the result.
/// </summary>
public static class IdempotencyErrors
{
    public static readonly Error Replayed = Error.Conflict(
        "idempotency.replayed", "This Idempotency-Key already completed; its stored response is the answer.");

    public static readonly Error InFlight = Error.Conflict(
        "idempotency.key_in_flight", "A request with this Idempotency-Key is still being processed.");

    public static readonly Error KeyReused = Error.Conflict(
        "idempotency.key_reuse", "This Idempotency-Key was already used with a different request.");
}
