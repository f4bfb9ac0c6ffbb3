using System.Data.Common;
using Dapper;

namespace PayrollPortal.Infrastructure.Persistence.UsFederal;

internal static class EmployeeW4History
{
    /// <summary>The W-4 history of many employees in one round trip, grouped by employee.</summary>
    public static async Task<ILookup<Guid, EmployeeW4Row>> LoadAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<EmployeeW4Row>(new CommandDefinition(
            $"SELECT {EmployeeW4Row.Columns} FROM employee_w4s WHERE {SqlIn.Any(connection, parameters, "employee_id", "employees", employeeIds)} ORDER BY employee_id, effective_date",
            parameters, transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.EmployeeId);
    }
}
