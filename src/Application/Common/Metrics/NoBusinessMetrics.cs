namespace PayrollPortal.Application.Common.Metrics;

/// <summary>Counts nothing: the verbs (<c>payroll seed-demo</c>) have no metrics endpoint to report to.</summary>
public sealed class NoBusinessMetrics : IBusinessMetrics
{
    public void PayrollCreated()
    {
    }

    public void PayrollApproved()
    {
    }

    public void IdempotentReplay()
    {
    }

    public void IdempotencyInFlight()
    {
    }

    public void IdempotencyKeyReuse()
    {
    }
}
