using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Infrastructure.Persistence.Idempotency;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// The idempotency state of one HTTP request (scoped): the key it claimed, how its endpoint renders a command's result, and
/// the response stored when the command completed the key inside its transaction.
/// </summary>
internal sealed class IdempotentRequest(IdempotencyStore store, IHttpContextAccessor accessor) : IIdempotencyContext
{
    private Func<object, IResult>? _render;

    public IdempotencyScope? Scope { get; private set; }

    public string? OwnerToken { get; private set; }

    /// <summary>Set once the key was completed in the command's transaction; the filter sends exactly these bytes.</summary>
    public StoredResponse? Completed { get; private set; }

    public string? Key => OwnerToken is null ? null : Scope?.Key;

    public void Claimed(IdempotencyScope scope, string ownerToken)
    {
        Scope = scope;
        OwnerToken = ownerToken;
    }

    /// <summary>How the endpoint turns its command's result into a response; set before the command is sent.</summary>
    public void RespondWith(Func<object, IResult> render) => _render = render;

    public async ValueTask CompleteAsync(object response, CancellationToken cancellationToken)
    {
        if (Scope is null || OwnerToken is null)
        {
            throw new InvalidOperationException("No idempotency key was claimed for this request.");
        }

        var render = _render ?? throw new InvalidOperationException(
            "The endpoint sent a command without saying how its result becomes a response; use ISender.SendCommandAsync.");
        var http = accessor.HttpContext ?? throw new InvalidOperationException("Idempotency keys are completed inside an HTTP request.");
        var stored = await ResponseCapture.CaptureAsync(render(response), http);
        if (!await store.CompleteAsync(Scope, OwnerToken, stored, cancellationToken))
        {
            // Our lease ran out and another request took the key over: throwing rolls this execution back, so only one commits.
            throw new InvalidOperationException($"The idempotency key '{Scope.Key}' was taken over by another request after its lease ran out.");
        }

        Completed = stored;
    }
}
