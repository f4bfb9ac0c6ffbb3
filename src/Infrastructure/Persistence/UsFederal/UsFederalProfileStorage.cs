using Dapper;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Regimes;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.UsFederal;

/// <summary>
/// The W-4 history in <c>employee_w4s</c>; the exemption claim in the <c>employees.exempt</c> column, which this regime owns;
/// the work state and state certificate history in <c>employee_state_certificates</c>.
/// </summary>
internal sealed class UsFederalProfileStorage(DbSession session) : IEmployeeProfileStorage
{
    public string Regime => UsFederalRegime.RegimeCode;

    public IReadOnlyList<KeyValuePair<string, object?>> OwnedColumns(Employee? employee) =>
        [new("exempt", employee?.TaxProfile is UsFederalProfile profile && profile.Exempt)];

    public async Task<IReadOnlyDictionary<Guid, IEmployeeTaxProfile>> LoadAsync(IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var history = await EmployeeW4History.LoadAsync(connection, session.Transaction, employeeIds, cancellationToken);
        var states = await EmployeeStateHistory.LoadAsync(connection, session.Transaction, employeeIds, cancellationToken);
        var parameters = new DynamicParameters();
        var exempt = (await connection.QueryAsync<ExemptRow>(new CommandDefinition(
            $"SELECT id AS Id, exempt AS Exempt FROM employees WHERE {SqlIn.Any(connection, parameters, "id", "ids", employeeIds)}",
            parameters, session.Transaction, cancellationToken: cancellationToken))).ToDictionary(r => r.Id, r => r.Exempt);
        return exempt.ToDictionary(e => e.Key, e => (IEmployeeTaxProfile)new UsFederalProfile(e.Value, history[e.Key].Select(w => w.ToDomain()), states[e.Key]));
    }

    public async Task SaveAsync(Employee employee, CancellationToken cancellationToken)
    {
        var profile = (UsFederalProfile)employee.TaxProfile;
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM employee_w4s WHERE employee_id = @Id", new { employee.Id }, session.Transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            EmployeeW4Row.Insert, profile.W4History.Select(w => EmployeeW4Row.From(employee.Id, w)).ToArray(), session.Transaction,
            cancellationToken: cancellationToken));
        await EmployeeStateHistory.SaveAsync(connection, session.Transaction, employee.Id, profile.StateHistory, cancellationToken);
    }

    /// <summary>New employees' W-4s in one COPY on PostgreSQL (one prepared INSERT per row on SQLite); state histories one by one.</summary>
    public async Task AddManyAsync(IReadOnlyList<Employee> employees, CancellationToken cancellationToken)
    {
        var rows = employees.SelectMany(e => ((UsFederalProfile)e.TaxProfile).W4History.Select(w => EmployeeW4Row.From(e.Id, w)))
            .Select(r => new object?[]
            {
                r.EmployeeId, r.EffectiveDate, r.Version, r.FilingStatus, r.Step2Checkbox, r.Step3Dependents.Cents, r.Step4aOtherIncome.Cents,
                r.Step4bDeductions.Cents, r.Step4cExtraWithholding.Cents, r.MaritalStatus, r.Allowances, r.ExtraWithholding.Cents, r.Exempt,
            });
        await new LineRowWriter(session).InsertAsync("employee_w4s", W4Columns, rows, cancellationToken);
        var connection = await session.ConnectionAsync(cancellationToken);
        foreach (var employee in employees.Where(e => ((UsFederalProfile)e.TaxProfile).StateHistory.Count > 0))
        {
            await EmployeeStateHistory.SaveAsync(connection, session.Transaction, employee.Id, ((UsFederalProfile)employee.TaxProfile).StateHistory, cancellationToken);
        }
    }

    private static readonly string[] W4Columns =
    [
        "employee_id", "effective_date", "version", "filing_status", "step2_checkbox", "step3_dependents", "step4a_other_income", "step4b_deductions",
        "step4c_extra_withholding", "marital_status", "allowances", "extra_withholding", "exempt",
    ];

    private sealed class ExemptRow
    {
        public Guid Id { get; init; }

        public bool Exempt { get; init; }
    }
}
