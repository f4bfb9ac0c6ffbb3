using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

/// <summary>The write side of employees. The SSN crosses this boundary only encrypted, with its blind index.</summary>
public interface IEmployeeRepository
{
    Task<Employee?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken);

    /// <summary>Employees of a company by id, for posting a payroll; ids of other companies are simply absent.</summary>
    Task<IReadOnlyDictionary<Guid, Employee>> GetManyAsync(Guid companyId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>True when another employee of the company has one of these blind indexes.</summary>
    Task<bool> SsnExistsAsync(Guid companyId, IReadOnlyList<string> blindIndexes, Guid? exceptEmployeeId, CancellationToken cancellationToken);

    /// <summary>Whether another employee of the company has the number.</summary>
    Task<bool> NumberTakenAsync(Guid companyId, string employeeNumber, Guid? exceptEmployeeId, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of the company's employees that have these numbers, keyed by number and compared ordinally, as the employee import
    /// matches them; numbers no employee has are simply absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, Guid>> IdsByNumberAsync(Guid companyId, IReadOnlyCollection<string> employeeNumbers, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the schedule's employees employed on any day of the period, with their profiles, in name order (last name,
    /// first name, id), after <paramref name="after"/>. A run reads its employees a page at a time so that a large company's
    /// period is never held in memory at once.
    /// </summary>
    Task<IReadOnlyList<Employee>> OnScheduleAsync(
        Guid companyId, Guid payScheduleId, DateOnly periodStart, DateOnly periodEnd, Employee? after, int take, CancellationToken cancellationToken);

    /// <summary>Inserts the employee with its W-4 history; false when the SSN's blind index is already used in the company.</summary>
    Task<bool> TryAddAsync(Employee employee, ProtectedSsn ssn, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts many new employees with their profiles (an import); false when one's identifier is already used in the company,
    /// and the caller rolls the transaction back. The default inserts them one by one.
    /// </summary>
    async Task<bool> AddManyAsync(IReadOnlyList<(Employee Employee, ProtectedSsn Ssn)> hires, CancellationToken cancellationToken)
    {
        foreach (var (employee, ssn) in hires)
        {
            if (!await TryAddAsync(employee, ssn, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Saves the employee and its W-4 history; a new SSN is saved when given.</summary>
    Task UpdateAsync(Employee employee, ProtectedSsn? ssn, CancellationToken cancellationToken);
}
