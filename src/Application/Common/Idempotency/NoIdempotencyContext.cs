namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>Outside HTTP (CLI verbs, tests through ISender) no key is ever claimed.</summary>
internal sealed class NoIdempotencyContext : IIdempotencyContext
{
    public string? Key => null;

    public ValueTask CompleteAsync(object response, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No idempotency key was claimed for this request.");
}
