namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>What the idempotency behaviour decided for a keyed command; the sender writes it out instead of its own answer.</summary>
public abstract record IdempotencyAnswer
{
    private IdempotencyAnswer()
    {
    }

    /// <summary>The key's stored response, sent again for the request <paramref name="OriginalRequestId"/> that first executed it.</summary>
    public sealed record Replayed(StoredResponse Response, string OriginalRequestId) : IdempotencyAnswer;

    /// <summary>This execution's response, stored as the key's outcome: the first answer sends exactly these bytes.</summary>
    public sealed record Stored(StoredResponse Response) : IdempotencyAnswer;

    /// <summary>Another request holds the key (409 over HTTP).</summary>
    public sealed record InFlight(TimeSpan RetryAfter) : IdempotencyAnswer;

    /// <summary>The key was used with another request (422 over HTTP).</summary>
    public sealed record KeyReused : IdempotencyAnswer;
}
