using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Api.Http;

/// <summary>How write endpoints send their command (scoped: one per request, injected into the endpoint).</summary>
public sealed class CommandSender(ISender sender, IdempotencyContext idempotency)
{
    /// <summary>
    /// Sends a write endpoint's command and maps its result: <paramref name="onSuccess"/> for a value, a problem otherwise. The
    /// same mapping is handed to the idempotency behaviour first, so the response it stores for a keyed request is the
    /// response this endpoint sends.
    /// </summary>
    public async Task<Results<TSuccess, ProblemHttpResult>> SendCommandAsync<TValue, TSuccess>(
        HttpContext http, ICommand<Result<TValue>> command, Func<TValue, TSuccess> onSuccess, CancellationToken cancellationToken)
        where TSuccess : Microsoft.AspNetCore.Http.IResult
    {
        Results<TSuccess, ProblemHttpResult> Respond(Result<TValue> result) => result.IsSuccess ? onSuccess(result.Value!) : result.ToProblem(http);

        idempotency.RespondWith(async (response, _) => await ResponseCapture.CaptureAsync(Respond((Result<TValue>)response), http));
        return Respond(await sender.Send(command, cancellationToken));
    }
}
