using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Regimes;

/// <summary>
/// Where a regime keeps its employees' profiles. The employee's own row is the core's; a regime may own columns of it (the
/// us-federal <c>exempt</c> flag predates modules) and tables of its own. See docs/decisions/0014-regime-modules-and-their-storage.md.
/// </summary>
public interface IEmployeeProfileStorage : IRegimePart
{
    /// <summary>
    /// The columns of <c>employees</c> this regime owns, with their values for <paramref name="employee"/>, or the neutral
    /// value every other regime's row stores when <paramref name="employee"/> is null.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, object?>> OwnedColumns(Employee? employee);

    /// <summary>The profiles of these employees (all of this regime), in one round trip or two.</summary>
    Task<IReadOnlyDictionary<Guid, IEmployeeTaxProfile>> LoadAsync(IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken);

    /// <summary>Stores the employee's whole profile, replacing what was stored (the history is small).</summary>
    Task SaveAsync(Employee employee, CancellationToken cancellationToken);

    /// <summary>Stores new employees' profiles, nothing being stored for them yet (an import's hires). The default saves them one by one.</summary>
    async Task AddManyAsync(IReadOnlyList<Employee> employees, CancellationToken cancellationToken)
    {
        foreach (var employee in employees)
        {
            await SaveAsync(employee, cancellationToken);
        }
    }
}
