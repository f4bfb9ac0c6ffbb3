namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>
/// The idempotency key the current request claimed, if any. The HTTP host claims keys and replays stored responses before a
/// message is sent; <see cref="Behaviors.IdempotencyBehavior{TMessage, TResponse}"/> completes the claim inside the command's
/// transaction, so the stored response commits with the business rows. See docs/decisions/0006-idempotency-in-the-pipeline.md.
/// </summary>
public interface IIdempotencyContext
{
    /// <summary>The client's key while this request holds a claim on it; null when the request carries no key.</summary>
    string? Key { get; }

    /// <summary>Stores <paramref name="response"/> (a successful result) as the key's outcome, in the current transaction.</summary>
    ValueTask CompleteAsync(object response, CancellationToken cancellationToken);
}
