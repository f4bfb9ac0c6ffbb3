namespace PayrollPortal.Application.Common.Metrics;

/// <summary>
/// Security signals counted for alerting as they happen, whether or not the command commits (a refused write is the
/// signal). The server publishes them to Prometheus; the verbs count nothing.
/// </summary>
public interface ISecurityMetrics
{
    /// <summary>An SSN or 주민등록번호 write matched another employee of the company.</summary>
    void NationalIdDuplicate(string field);

    /// <summary>An SSN or 주민등록번호 write was refused by the per-user or per-company limit.</summary>
    void NationalIdWriteLimited(string field);
}
