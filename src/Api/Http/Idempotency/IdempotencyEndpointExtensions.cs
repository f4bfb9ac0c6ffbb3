namespace PayrollPortal.Api.Http.Idempotency;

public static class IdempotencyEndpointExtensions
{
    /// <summary>Every write endpoint calls this: it honours <c>Idempotency-Key</c> and documents it.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(IdempotentWrite.Instance);
}
