namespace PayrollPortal.Application.Common.Metrics;

/// <summary>
/// Business events counted for monitoring. The host decides where they go (Prometheus in the server, nowhere in the verbs);
/// <see cref="Behaviors.BusinessMetricsBehavior{TMessage, TResponse}"/> counts payrolls only after the command's transaction committed; the idempotency behaviour counts its refusals and replays.
/// </summary>
public interface IBusinessMetrics
{
    void PayrollCreated();

    void PayrollApproved();

    /// <summary>A keyed command answered with its key's stored response instead of executing.</summary>
    void IdempotentReplay();

    /// <summary>A keyed command refused because another request holds its key (409).</summary>
    void IdempotencyInFlight();

    /// <summary>A keyed command refused because its key was used with another request (422).</summary>
    void IdempotencyKeyReuse();
}
