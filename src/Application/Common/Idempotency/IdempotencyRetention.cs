namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>How long a key's outcome is replayed (<c>IDEMPOTENCY_RETENTION_HOURS</c>, 24 by default).</summary>
public sealed record IdempotencyRetention(TimeSpan Period);
