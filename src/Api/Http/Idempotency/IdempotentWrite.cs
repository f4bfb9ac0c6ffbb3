namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>Marks a write endpoint that honours <c>Idempotency-Key</c>; the OpenAPI document and the tests find writes by it.</summary>
internal sealed class IdempotentWrite
{
    public static readonly IdempotentWrite Instance = new();

    private IdempotentWrite()
    {
    }
}
