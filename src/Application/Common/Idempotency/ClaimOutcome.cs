namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>What looking a key up found (<see cref="IIdempotencyStore.ClaimAsync"/>).</summary>
public abstract record ClaimOutcome
{
    private ClaimOutcome()
    {
    }

    /// <summary>The key has no outcome yet and this request holds it until it stores one or releases it.</summary>
    public sealed record Claimed : ClaimOutcome;

    /// <summary>The key completed earlier with the same fingerprint: replay its response.</summary>
    public sealed record Completed(StoredResponse Response, string OriginalRequestId) : ClaimOutcome;

    /// <summary>The key was used with another fingerprint (another body, query or route values).</summary>
    public sealed record FingerprintMismatch : ClaimOutcome;

    /// <summary>Another request holds the key; try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record InFlight(TimeSpan RetryAfter) : ClaimOutcome;
}
