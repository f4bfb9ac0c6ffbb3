using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Api.Http;

internal static class CommandSender
{
    /// <summary>
    /// Sends a write endpoint's command and maps its result: <paramref name="onSuccess"/> for a value, a problem otherwise. The
    /// same mapping is handed to the idempotency behaviour first, so the response it stores inside the command's transaction is
    /// the response this endpoint sends.
    /// </summary>
    public static async Task<Results<TSuccess, ProblemHttpResult>> SendCommandAsync<TValue, TSuccess>(
        this ISender sender, HttpContext http, ICommand<Result<TValue>> command, Func<TValue, TSuccess> onSuccess, CancellationToken cancellationToken)
        where TSuccess : Microsoft.AspNetCore.Http.IResult
    {
        Results<TSuccess, ProblemHttpResult> Respond(Result<TValue> result) => result.IsSuccess ? onSuccess(result.Value!) : result.ToProblem(http);

        http.RequestServices.GetRequiredService<IdempotentRequest>().RespondWith(response => Respond((Result<TValue>)response));
        return Respond(await sender.Send(command, cancellationToken));
    }
}
