using Dapper;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Regimes;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Korea;

/// <summary>The kr profile history in <c>employee_kr_profiles</c>.</summary>
internal sealed class KoreaProfileStorage(DbSession session) : IEmployeeProfileStorage
{
    public string Regime => KoreaRegime.RegimeCode;

    public IReadOnlyList<KeyValuePair<string, object?>> OwnedColumns(Employee? employee) => [];

    public async Task<IReadOnlyDictionary<Guid, IEmployeeTaxProfile>> LoadAsync(IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<EmployeeKoreaProfileRow>(new CommandDefinition(
            $"SELECT {EmployeeKoreaProfileRow.Columns} FROM employee_kr_profiles WHERE {SqlIn.Any(connection, parameters, "employee_id", "employees", employeeIds)} ORDER BY employee_id, effective_date",
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => (IEmployeeTaxProfile)new KoreaEmployeeProfile(g.Select(r => r.ToDomain())));
    }

    public async Task SaveAsync(Employee employee, CancellationToken cancellationToken)
    {
        var profile = (KoreaEmployeeProfile)employee.TaxProfile;
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM employee_kr_profiles WHERE employee_id = @Id", new { employee.Id }, session.Transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            EmployeeKoreaProfileRow.Insert, profile.History.Select(p => EmployeeKoreaProfileRow.From(employee.Id, p)).ToArray(), session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>New employees' profiles in one COPY on PostgreSQL (one prepared INSERT per row on SQLite): an import's hires.</summary>
    public Task AddManyAsync(IReadOnlyList<Employee> employees, CancellationToken cancellationToken) =>
        new LineRowWriter(session).InsertAsync(
            "employee_kr_profiles",
            ["employee_id", "effective_date", "dependents", "children_8_to_20", "withholding_ratio", "meals", "car_allowance", "childcare"],
            employees.SelectMany(e => ((KoreaEmployeeProfile)e.TaxProfile).History.Select(p => EmployeeKoreaProfileRow.From(e.Id, p)))
                .Select(r => new object?[] { r.EmployeeId, r.EffectiveDate, r.Dependents, r.ChildrenAged8To20, r.WithholdingRatio, r.Meals, r.CarAllowance, r.Childcare }),
            cancellationToken);
}
