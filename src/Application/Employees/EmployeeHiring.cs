using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// The steps every hire shares, whatever the regime: the national id number (SSN or 주민등록번호) checked against the
/// company's others through every key's blind index, within the caller's write budget (<see cref="NationalIdGuard"/>),
/// then stored encrypted under the current PII key with only its last four digits in clear, and the hire recorded in the
/// audit trail in the same transaction. The regime's command validates its own fields, checks the company's regime and
/// builds the <see cref="Employee"/>.
/// </summary>
public sealed class EmployeeHiring(IEmployeeRepository employees, IPiiProtector pii, IAuditTrail audit, NationalIdGuard guard)
{
    /// <param name="nationalIdDigits">The validated number's digits.</param>
    /// <param name="last4">Its last four digits, the only part kept in clear.</param>
    /// <param name="taken">The error when another employee of the company has the number (checked twice: before the
    /// insert, and by the unique blind index when a concurrent hire wins the race).</param>
    /// <param name="auditDetails">What the trail records: never the number, not even its last four digits, because the
    /// trail is read more widely than the employee record.</param>
    public async ValueTask<Result<EmployeeDto>> HireAsync(
        Employee employee, string nationalIdDigits, string last4, Error taken, IReadOnlyDictionary<string, object?> auditDetails,
        CancellationToken cancellationToken)
    {
        if (await guard.RefusalAsync(employee.CompanyId, nationalIdDigits, null, taken, cancellationToken) is { } refused)
        {
            return refused;
        }

        var stored = new ProtectedSsn(pii.Protect(nationalIdDigits), pii.BlindIndex(nationalIdDigits), last4);
        if (!await employees.TryAddAsync(employee, stored, cancellationToken))
        {
            return taken;
        }

        await audit.RecordAsync(
            new AuditEntry(AuditActions.EmployeeCreated, employee.CompanyId, "employee", employee.Id, auditDetails), cancellationToken);
        return EmployeeDto.From(employee);
    }
}
