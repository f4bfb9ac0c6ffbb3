using System.Data.Common;
using Mediator;
using Microsoft.Extensions.Logging;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Application.Common.Metrics;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// Every idempotency decision, for a command whose sender holds a key (<see cref="IdempotencyContext.Use"/>): look the key
/// up, refuse it while another request holds it (in flight) or when it was used with another request, replay its stored
/// outcome, or execute the command and store its response. After authorization, so a caller who may not send the command
/// learns nothing from a key; before validation, so a replay is never validated again (ADR 0006, 0010).
/// <para>
/// A success is stored by the unit of work as its transaction's last statement (through the step staged here), so the
/// business rows, the audit event and the stored response commit together or not at all. A deterministic client error
/// (4xx) is stored after the rollback, so it replays too; a server error or an exception stores nothing. Either way the
/// key is released at the end, so a retry may execute at once. Any sender gets this: the HTTP host, a CLI verb, a test.
/// </para>
/// </summary>
public sealed partial class IdempotencyBehavior<TMessage, TResponse>(
    IdempotencyContext context, IIdempotencyStore store, ICurrentUser currentUser, IRequestContext requestContext, IdempotencyRetention retention,
    IBusinessMetrics metrics, ILogger<IdempotencyBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || context.Request is not { } request)
        {
            return await next(message, cancellationToken);
        }

        var render = Claim(context);
        var scope = new IdempotencyScope(currentUser.Caller.Id, request.Method, request.Route, request.Key);
        switch (await store.ClaimAsync(scope, request.Fingerprint, cancellationToken))
        {
            case ClaimOutcome.Completed completed:
                metrics.IdempotentReplay();
                return Answered(new IdempotencyAnswer.Replayed(completed.Response, completed.OriginalRequestId), IdempotencyErrors.Replayed);
            case ClaimOutcome.FingerprintMismatch:
                metrics.IdempotencyKeyReuse();
                return Answered(new IdempotencyAnswer.KeyReused(), IdempotencyErrors.KeyReused);
            case ClaimOutcome.InFlight inFlight:
                metrics.IdempotencyInFlight();
                return Answered(new IdempotencyAnswer.InFlight(inFlight.RetryAfter), IdempotencyErrors.InFlight);
        }

        var requestId = requestContext.RequestId;
        try
        {
            context.StageBeforeCommit(async (response, ct) =>
            {
                var stored = await render(response, ct);
                store.CompleteOnCommit(stored, request.Fingerprint, requestId, retention.Period);
                context.Answer = new IdempotencyAnswer.Stored(stored);
            });
            var response = await next(message, cancellationToken);
            if (response is IResult { IsSuccess: false } && context.Answer is null)
            {
                var rendered = await render(response, cancellationToken);
                if (rendered.Status is >= 400 and < 500
                    && await store.StoreAsync(rendered, request.Fingerprint, requestId, retention.Period, CancellationToken.None))
                {
                    context.Answer = new IdempotencyAnswer.Stored(rendered);
                }
            }

            return response;
        }
        finally
        {
            context.StageBeforeCommit(null);
            await ReleaseAsync(scope);
        }
    }

    /// <summary>A key stands for one command, whose sender said how its result becomes the stored response.</summary>
    private static Func<object, CancellationToken, ValueTask<StoredResponse>> Claim(IdempotencyContext context)
    {
        if (context.Spent)
        {
            throw new InvalidOperationException("A keyed request sends one command; its Idempotency-Key already stands for another command's outcome.");
        }

        context.Spent = true;
        return context.Render ?? throw new InvalidOperationException(
            "A command was sent under an Idempotency-Key without saying how its result becomes a response (IdempotencyContext.RespondWith).");
    }

    private TResponse Answered(IdempotencyAnswer answer, Error error)
    {
        context.Answer = answer;
        return FailureFactory<TResponse>.Failure([error]);
    }

    private async Task ReleaseAsync(IdempotencyScope scope)
    {
        try
        {
            await store.ReleaseAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            // The original outcome matters more; a broken connection's advisory lock is dropped by the server anyway.
            LogReleaseFailed(logger, ex, scope.Key);
        }
    }

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning,
        Message = "Could not release idempotency key {Key}; it is free again once the request's connection closes")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string key);
}
