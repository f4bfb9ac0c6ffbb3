namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>
/// The idempotency key the current request holds, if any. The HTTP host reads the key's row, replays a stored response and
/// holds the key before a message is sent (issue 21 moves that look-up into the pipeline).
/// <see cref="Behaviors.IdempotencyBehavior{TMessage, TResponse}"/> binds the held key to the command, and
/// <see cref="Behaviors.UnitOfWorkBehavior{TMessage, TResponse}"/> completes it inside the command's transaction, so the
/// stored response commits with the business rows. See docs/decisions/0006-idempotency-in-the-pipeline.md.
/// </summary>
public interface IIdempotencyContext
{
    /// <summary>The client's key while this request holds it; null when the request carries no key.</summary>
    string? Key { get; }

    /// <summary>True once a command was bound to the held key and its outcome is still to be stored.</summary>
    bool IsBound { get; }

    /// <summary>
    /// Makes the command about to run the one whose successful outcome becomes the held key's stored response. Throws when no
    /// key is held, when the host cannot store a response for this command, or when another command is already bound: a
    /// keyed request runs one command, so one key stands for one outcome.
    /// </summary>
    void Bind();

    /// <summary>
    /// Stores <paramref name="response"/> (the bound command's successful result) as the key's outcome, as the current
    /// transaction's last statement.
    /// </summary>
    ValueTask CompleteAsync(object response, CancellationToken cancellationToken);
}
