using Mediator;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Application.Common.Persistence;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// Innermost, commands only: one transaction per command, committed on success and rolled back on an error result or an
/// exception. For a keyed command, a success first runs the step <see cref="IdempotencyBehavior{TMessage, TResponse}"/> staged,
/// which stores the response as the key's outcome as the transaction's last statement, so the business rows, the audit
/// event and the stored response commit together or not at all (ADR 0006, 0010). Queries, and commands sent inside a
/// running transaction, pass straight through. Once the transaction has ended, either way, the security events the command raised are recorded in
/// a transaction of their own (<see cref="DeferredSecurityEvents"/>).
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    IUnitOfWork unitOfWork, IdempotencyContext idempotency, DeferredSecurityEvents securityEvents, ISecurityAudit securityAudit)
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
            if (response is IResult { IsSuccess: true })
            {
                await idempotency.BeforeCommitAsync(response, cancellationToken);
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
