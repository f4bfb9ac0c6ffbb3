namespace PayrollPortal.Application.Common.Metrics;

/// <summary>
/// Business events counted for monitoring. The host decides where they go (Prometheus in the server, nowhere in the verbs);
/// <see cref="Behaviors.BusinessMetricsBehavior{TMessage, TResponse}"/> calls it only after the command's transaction committed.
/// </summary>
public interface IBusinessMetrics
{
    void PayrollCreated();

    void PayrollApproved();
}
