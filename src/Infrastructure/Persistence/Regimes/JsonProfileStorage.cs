using System.Text.Json;
using Dapper;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Regimes;

/// <summary>
/// Storage for a regime that brings no tables: the employee's whole profile (its history included) as one JSON document in
/// <c>employee_tax_profiles</c>. <typeparamref name="TProfile"/> must round-trip through System.Text.Json's web defaults.
/// </summary>
public sealed class JsonProfileStorage<TProfile>(string regime, DbSession session) : IEmployeeProfileStorage
    where TProfile : class, IEmployeeTaxProfile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Regime => regime;

    public IReadOnlyList<KeyValuePair<string, object?>> OwnedColumns(Employee? employee) => [];

    public async Task<IReadOnlyDictionary<Guid, IEmployeeTaxProfile>> LoadAsync(IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { regime });
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT employee_id AS EmployeeId, document AS Document FROM employee_tax_profiles WHERE regime = @regime AND {SqlIn.Any(connection, parameters, "employee_id", "employees", employeeIds)}",
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.EmployeeId, r => (IEmployeeTaxProfile)JsonSerializer.Deserialize<TProfile>(r.Document, Json)!);
    }

    public async Task SaveAsync(Employee employee, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO employee_tax_profiles (employee_id, regime, document) VALUES (@Id, @regime, @document)
            ON CONFLICT (employee_id) DO UPDATE SET regime = excluded.regime, document = excluded.document
            """,
            new { employee.Id, regime, document = JsonSerializer.Serialize((TProfile)employee.TaxProfile, Json) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public Guid EmployeeId { get; init; }

        public string Document { get; init; } = string.Empty;
    }
}
