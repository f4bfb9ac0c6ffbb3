using Mediator;
using PayrollPortal.Application.Common.Metrics;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// Counts the business events that monitoring watches. It sits outside the unit of work, so a command is counted only once
/// its transaction committed; an idempotent replay comes back from the idempotency behaviour as a failed result, so it is
/// never counted twice.
/// </summary>
public sealed class BusinessMetricsBehavior<TMessage, TResponse>(IBusinessMetrics metrics) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (response is IResult { IsSuccess: true })
        {
            switch (message)
            {
                case CreatePayroll:
                    metrics.PayrollCreated();
                    break;
                case ApprovePayroll:
                    metrics.PayrollApproved();
                    break;
            }
        }

        return response;
    }
}
