namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>
/// One scope's idempotency state (an HTTP request, a CLI verb, a test). The sender says which key it holds and how a result
/// becomes its stored response; <see cref="Behaviors.IdempotencyBehavior{TMessage, TResponse}"/> decides everything else
/// and leaves its <see cref="Answer"/> here for the sender to write out. Without <see cref="Use"/> no key is involved.
/// </summary>
public sealed class IdempotencyContext
{
    private Func<object, CancellationToken, ValueTask>? _beforeCommit;

    /// <summary>The key the sender holds; null for an unkeyed send.</summary>
    public IdempotencyRequest? Request { get; private set; }

    /// <summary>How the sender turns the command's result (a <c>Result&lt;T&gt;</c>) into the response it sends.</summary>
    public Func<object, CancellationToken, ValueTask<StoredResponse>>? Render { get; private set; }

    /// <summary>Set by the behaviour when the sender must answer with something other than its own mapping of the result.</summary>
    public IdempotencyAnswer? Answer { get; internal set; }

    /// <summary>True once a command ran under the key: a key stands for one command's outcome.</summary>
    internal bool Spent { get; set; }

    public void Use(IdempotencyRequest request) => Request = request;

    public void RespondWith(Func<object, CancellationToken, ValueTask<StoredResponse>> render) => Render = render;

    /// <summary>Called by the unit of work for a successful command, before it commits.</summary>
    internal ValueTask BeforeCommitAsync(object response, CancellationToken cancellationToken) =>
        _beforeCommit?.Invoke(response, cancellationToken) ?? ValueTask.CompletedTask;

    internal void StageBeforeCommit(Func<object, CancellationToken, ValueTask>? step) => _beforeCommit = step;
}
