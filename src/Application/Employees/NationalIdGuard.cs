using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Metrics;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// Duplicate detection for an SSN or 주민등록번호 write that cannot be used as an oracle (ADR 0012). "Another employee has
/// this number" confirms a hidden employee's full number, so each write first spends one of the caller's and the company's
/// hourly budget; past it the answer is the same 429 whatever the number. Every duplicate and every refusal is counted and
/// recorded in the security chain, so a guesser shows up in the metrics and the audit long before the budget lets them finish.
/// </summary>
public sealed class NationalIdGuard(
    IEmployeeRepository employees, IPiiProtector pii, ICurrentUser currentUser, INationalIdWriteLimiter limiter,
    DeferredSecurityEvents securityEvents, ISecurityMetrics metrics)
{
    /// <param name="digits">The validated number's digits.</param>
    /// <param name="employeeId">The employee whose number changes; null for a hire.</param>
    /// <param name="taken">The error when another employee of the company has the number; its field names the input.</param>
    /// <returns>Why the write is refused, or null when it may go ahead.</returns>
    public ValueTask<Error?> RefusalAsync(Guid companyId, string digits, Guid? employeeId, Error taken, CancellationToken cancellationToken) =>
        RefusalAsync(companyId, digits, employeeId, taken, (indexes, ct) => employees.SsnExistsAsync(companyId, indexes, employeeId, ct), cancellationToken);

    /// <summary>
    /// The same budget and records for a number kept beside the employees' (a regime's payees): <paramref name="exists"/> says
    /// whether one of the number's blind indexes (under every key) is already taken.
    /// </summary>
    public async ValueTask<Error?> RefusalAsync(
        Guid companyId, string digits, Guid? subjectId, Error taken, Func<IReadOnlyList<string>, CancellationToken, Task<bool>> exists,
        CancellationToken cancellationToken)
    {
        var field = taken.Field ?? "ssn";
        var caller = currentUser.Caller;
        if (!caller.IsAdmin && !limiter.TryAcquire(caller, companyId))
        {
            metrics.NationalIdWriteLimited(field);
            Record(AuditActions.NationalIdWritesLimited, companyId, subjectId, field);
            return NationalIdErrors.TooManyWrites(field);
        }

        if (await exists(pii.BlindIndexCandidates(digits), cancellationToken))
        {
            metrics.NationalIdDuplicate(field);
            Record(AuditActions.NationalIdDuplicate, companyId, subjectId, field);
            return taken;
        }

        return null;
    }

    private void Record(string action, Guid companyId, Guid? employeeId, string field) =>
        securityEvents.Add(new AuditEntry(action, companyId, "employee", employeeId ?? Guid.Empty, new Dictionary<string, object?>
        {
            ["field"] = field,
        }) { Chain = AuditChains.Security });
}
