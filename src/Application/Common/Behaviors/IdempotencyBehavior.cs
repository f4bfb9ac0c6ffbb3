using Mediator;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// After authorization, before validation, commands only: binds the key the request holds to this command, so that
/// <see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> stores the command's successful outcome as the key's response in the
/// command's own transaction. Binding is refused (an exception, before validation and before any transaction) when a second
/// command tries to run under the same key, or when the endpoint did not say how its result becomes a response.
/// <para>
/// Its place is where the key's look-up and replay will live (issue 21): after authorization, so a caller who may not send
/// the command learns nothing from a key; before validation, so a replay never runs validation again. Until then the HTTP
/// host looks the key up, replays and answers 409/422 before the message is sent (IdempotencyFilter), and stores 4xx
/// answers after the command rolled back. See docs/decisions/0006-idempotency-in-the-pipeline.md.
/// </para>
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(IIdempotencyContext idempotency) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IBaseCommand && idempotency.Key is not null)
        {
            idempotency.Bind();
        }

        return next(message, cancellationToken);
    }
}
