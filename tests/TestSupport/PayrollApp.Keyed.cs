using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Identity;
using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.TestSupport;

public sealed partial class PayrollApp
{
    /// <summary>
    /// Sends a message as a non-HTTP sender holding an idempotency key would (a CLI verb, a job): in a fresh scope, as the
    /// global administrator, with <paramref name="key"/> and a <paramref name="render"/> of the result. Returns the result
    /// and what the idempotency behaviour decided.
    /// </summary>
    public async Task<(TResponse Response, IdempotencyAnswer? Answer)> SendKeyedAsync<TResponse>(
        IMessage message, IdempotencyRequest key, Func<object, StoredResponse> render, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Assign(Admin);
        var idempotency = scope.ServiceProvider.GetRequiredService<IdempotencyContext>();
        idempotency.Use(key);
        idempotency.RespondWith((result, _) => ValueTask.FromResult(render(result)));
        var response = await scope.ServiceProvider.GetRequiredService<ISender>().Send(message, cancellationToken);
        return ((TResponse)response!, idempotency.Answer);
    }
}
