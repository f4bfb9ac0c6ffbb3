namespace PayrollPortal.Application.Common.Metrics;

/// <summary>Counts nothing: the verbs have no metrics endpoint to report to.</summary>
public sealed class NoSecurityMetrics : ISecurityMetrics
{
    public void NationalIdDuplicate(string field)
    {
    }

    public void NationalIdWriteLimited(string field)
    {
    }
}
