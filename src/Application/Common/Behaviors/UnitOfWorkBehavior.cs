using Mediator;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Application.Common.Persistence;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// Innermost, commands only: one transaction per command, committed on success and rolled back on an error result or an
/// exception. When <see cref="IdempotencyBehavior{TMessage, TResponse}"/> bound the request's idempotency key to the command,
/// the successful response is stored as the key's outcome as the transaction's last statement, so the business rows, the
/// audit event and the stored response commit together or not at all (ADR 0006, 0010). Failures store nothing here: they
/// roll back, and the HTTP host stores a 4xx answer after. Queries, and commands sent inside a running transaction, pass
/// straight through. Once the transaction has ended, either way, the security events the command raised are recorded in
/// a transaction of their own (<see cref="DeferredSecurityEvents"/>).
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    IUnitOfWork unitOfWork, IIdempotencyContext idempotency, DeferredSecurityEvents securityEvents, ISecurityAudit securityAudit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || unitOfWork.IsActive)
        {
            return await next(message, cancellationToken);
        }

        await unitOfWork.BeginAsync(cancellationToken);
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
            if (response is IResult { IsSuccess: true } && idempotency.IsBound)
            {
                await idempotency.CompleteAsync(response, cancellationToken);
            }
        }
        catch
        {
            await unitOfWork.RollbackAsync(CancellationToken.None);
            await RecordSecurityEventsAsync();
            throw;
        }

        if (response is IResult { IsSuccess: false })
        {
            await unitOfWork.RollbackAsync(CancellationToken.None);
        }
        else
        {
            await unitOfWork.CommitAsync(cancellationToken);
        }

        await RecordSecurityEventsAsync();
        return response;
    }

    private async Task RecordSecurityEventsAsync()
    {
        foreach (var entry in securityEvents.Drain())
        {
            await securityAudit.RecordAsync(entry, CancellationToken.None);
        }
    }
}
