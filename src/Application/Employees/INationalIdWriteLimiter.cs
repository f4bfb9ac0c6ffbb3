using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// The per-user and per-company budgets of SSN and 주민등록번호 writes (ADR 0012). The server holds them; the verbs run as
/// the operator, who is never limited.
/// </summary>
public interface INationalIdWriteLimiter
{
    /// <summary>Takes one write from the caller's and the company's budgets; false when either is spent.</summary>
    bool TryAcquire(Caller caller, Guid companyId);
}
