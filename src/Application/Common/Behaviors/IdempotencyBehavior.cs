using Mediator;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Application.Common.Persistence;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// Innermost behaviour, commands only: when the request claimed an idempotency key, a successful outcome is stored as the
/// key's completion in the command's own transaction, so the business rows, the audit event and the stored response commit
/// together or not at all. Claiming, replaying and the 409/422 answers happen in the HTTP host before the message is sent,
/// which is why a replay never reaches validation. Failures are not completed here: the unit of work rolls them back, and
/// the host stores the 4xx answer after it.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(IIdempotencyContext idempotency, IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || idempotency.Key is null)
        {
            return await next(message, cancellationToken);
        }

        if (!unitOfWork.IsActive)
        {
            throw new InvalidOperationException("IdempotencyBehavior must run inside the unit of work's transaction; check the pipeline order.");
        }

        var response = await next(message, cancellationToken);
        if (response is IResult { IsSuccess: true })
        {
            await idempotency.CompleteAsync(response, cancellationToken);
        }

        return response;
    }
}
