using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>Outermost behaviour: one log line per message with its name, outcome, elapsed time and request id. Never the payload.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger, IRequestContext context)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                var outcome = response is IResult { IsSuccess: false } failed ? failed.Errors[0].Type.ToString() : "Success";
                LogHandled(logger, typeof(TMessage).Name, outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.RequestId);
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.RequestId);
            throw;
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{MessageName} {Outcome} in {ElapsedMs:0.0} ms (request {RequestId})")]
    private static partial void LogHandled(ILogger logger, string messageName, string outcome, double elapsedMs, string requestId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "{MessageName} threw after {ElapsedMs:0.0} ms (request {RequestId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string messageName, double elapsedMs, string requestId);
}
