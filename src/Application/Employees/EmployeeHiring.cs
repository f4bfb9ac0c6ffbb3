using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// What every regime's employees share around their national identifier (SSN, 주민등록번호): checked against the company's
/// others through every key's blind index within the caller's write budget (<see cref="NationalIdGuard"/>, ADR 0012),
/// then stored encrypted under the current PII key with only its last four digits in clear.
/// </summary>
public sealed class EmployeeHiring(IEmployeeRepository employees, IPiiProtector pii, IAuditTrail audit, NationalIdGuard guard)
{
    /// <param name="auditDetails">What the trail records: never the number, not even its last four digits, because the
    /// trail is read more widely than the employee record.</param>
    public async ValueTask<Result<Employee>> HireAsync(
        Employee employee, NationalId id, IReadOnlyDictionary<string, object?> auditDetails, CancellationToken cancellationToken)
    {
        if (await guard.RefusalAsync(employee.CompanyId, id.Digits, null, id.Taken, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!await employees.TryAddAsync(employee, Protect(id), cancellationToken))
        {
            return id.Taken;
        }

        await audit.RecordAsync(
            new AuditEntry(AuditActions.EmployeeCreated, employee.CompanyId, "employee", employee.Id, auditDetails), cancellationToken);
        return employee;
    }

    /// <summary>A corrected identifier for an existing employee, or its error when another employee of the company has it.</summary>
    public async ValueTask<Result<ProtectedSsn>> ChangeAsync(Employee employee, NationalId id, CancellationToken cancellationToken)
    {
        if (await guard.RefusalAsync(employee.CompanyId, id.Digits, employee.Id, id.Taken, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Protect(id);
    }

    private ProtectedSsn Protect(NationalId id) => new(pii.Protect(id.Digits), pii.BlindIndex(id.Digits), id.Last4);
}
