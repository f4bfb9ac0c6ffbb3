using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

/// <summary>Employee rows joined to their profiles, loaded from each regime's storage in one batch per regime.</summary>
internal static class EmployeeProfiles
{
    public static async Task<List<Employee>> AttachAsync(
        IReadOnlyList<EmployeeRow> rows, RegimeParts<IEmployeeProfileStorage> storages, CancellationToken cancellationToken)
    {
        var employees = new List<Employee>(rows.Count);
        foreach (var regime in rows.GroupBy(r => r.Regime))
        {
            var profiles = await storages.For(regime.Key).LoadAsync([.. regime.Select(r => r.Id)], cancellationToken);
            employees.AddRange(regime.Select(r => r.ToDomain(profiles[r.Id])));
        }

        var order = rows.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        employees.Sort((a, b) => order[a.Id].CompareTo(order[b.Id]));
        return employees;
    }

    /// <summary>The columns of <c>employees</c> each regime owns: the employee's own regime's values, the others' neutral ones.</summary>
    public static List<KeyValuePair<string, object?>> OwnedColumns(Employee employee, RegimeParts<IEmployeeProfileStorage> storages)
    {
        var columns = new List<KeyValuePair<string, object?>>();
        foreach (var storage in storages.All)
        {
            foreach (var column in storage.OwnedColumns(storage.Regime == employee.TaxProfile.Regime ? employee : null))
            {
                if (!columns.Exists(c => c.Key == column.Key))
                {
                    columns.Add(column);
                }
            }
        }

        return columns;
    }
}
