using Mediator;
using PayrollPortal.Application.Common.Persistence;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// Commands only: one transaction per command, committed on success and rolled back on an error result or an exception.
/// Only <see cref="IdempotencyBehavior{TMessage, TResponse}"/> runs inside it, so that a key's completion commits with the
/// command's rows. Queries pass straight through. Once the transaction has ended, either way, the security events the
/// command raised are recorded in a transaction of their own (<see cref="DeferredSecurityEvents"/>).
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, DeferredSecurityEvents securityEvents, ISecurityAudit securityAudit)
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
