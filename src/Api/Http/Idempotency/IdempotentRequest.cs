using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Infrastructure.Persistence.Idempotency;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// The idempotency state of one HTTP request (scoped): the key it holds, how its endpoint renders a command's result, the
/// command bound to the key, and the response staged as the key's outcome in that command's transaction.
/// </summary>
internal sealed class IdempotentRequest(IdempotencyStore store, IdempotencyOptions options, IHttpContextAccessor accessor) : IIdempotencyContext
{
    private Func<object, IResult>? _render;
    private string? _fingerprint;

    public IdempotencyScope? Scope { get; private set; }

    /// <summary>
    /// Set once the command staged its response as the key's outcome; the unit of work then commits it with the command's
    /// rows, and the filter sends exactly these bytes.
    /// </summary>
    public StoredResponse? Completed { get; private set; }

    public string? Key => Scope?.Key;

    public bool IsBound { get; private set; }

    public void Claimed(IdempotencyScope scope, string fingerprint)
    {
        Scope = scope;
        _fingerprint = fingerprint;
    }

    /// <summary>How the endpoint turns its command's result into a response; set before the command is sent.</summary>
    public void RespondWith(Func<object, IResult> render) => _render = render;

    public void Bind()
    {
        if (Scope is null)
        {
            throw new InvalidOperationException("No idempotency key is held by this request.");
        }

        if (_render is null)
        {
            throw new InvalidOperationException(
                "The endpoint sent a command without saying how its result becomes a response; use ISender.SendCommandAsync.");
        }

        if (IsBound || Completed is not null)
        {
            throw new InvalidOperationException("A keyed request sends one command; its Idempotency-Key already stands for another command's outcome.");
        }

        IsBound = true;
    }

    public async ValueTask CompleteAsync(object response, CancellationToken cancellationToken)
    {
        if (!IsBound || Scope is null || _fingerprint is null || _render is not { } render)
        {
            throw new InvalidOperationException("No command is bound to this request's idempotency key.");
        }

        var http = accessor.HttpContext ?? throw new InvalidOperationException("Idempotency keys are completed inside an HTTP request.");
        var stored = await ResponseCapture.CaptureAsync(render(response), http);
        store.CompleteOnCommit(stored, _fingerprint, http.TraceIdentifier, options.Retention);
        IsBound = false;
        Completed = stored;
    }
}
