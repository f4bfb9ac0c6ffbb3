namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>Outside HTTP (CLI verbs, tests through ISender) no key is ever held.</summary>
internal sealed class NoIdempotencyContext : IIdempotencyContext
{
    public string? Key => null;

    public bool IsBound => false;

    public void Bind() => throw new InvalidOperationException("No idempotency key is held by this request.");

    public ValueTask CompleteAsync(object response, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No idempotency key is held by this request.");
}
