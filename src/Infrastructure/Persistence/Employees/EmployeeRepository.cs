using Dapper;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

internal sealed class EmployeeRepository(DbSession session) : IEmployeeRepository
{
    public async Task<Employee?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken) =>
        (await GetManyAsync(companyId, [id], cancellationToken)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<Guid, Employee>> GetManyAsync(Guid companyId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, Employee>();
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId });
        var rows = await connection.QueryAsync<EmployeeRow>(new CommandDefinition(
            $"SELECT {EmployeeRow.Columns} FROM employees WHERE company_id = @companyId AND {SqlIn.Any(connection, parameters, "id", "ids", ids)}",
            parameters, session.Transaction, cancellationToken: cancellationToken));
        var list = rows.AsList();
        var history = await EmployeeW4History.LoadAsync(connection, session.Transaction, ids, cancellationToken);
        var korea = await EmployeeKoreaProfileRow.LoadForEmployeesWithoutW4Async(
            connection, session.Transaction, list.Select(r => r.Id), history, cancellationToken);
        return list.ToDictionary(r => r.Id, r => r.ToDomain(history[r.Id].Select(w => w.ToDomain()), korea[r.Id]));
    }

    public async Task<bool> SsnExistsAsync(Guid companyId, IReadOnlyList<string> blindIndexes, Guid? exceptEmployeeId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId, except = exceptEmployeeId ?? Guid.Empty });
        var found = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM employees WHERE company_id = @companyId AND ssn_blind_index IN {SqlIn.List(parameters, "index", blindIndexes)} AND id <> @except",
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return found > 0;
    }

    public async Task<bool> TryAddAsync(Employee employee, ProtectedSsn ssn, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO employees (id, company_id, first_name, last_name, ssn_ciphertext, ssn_blind_index, ssn_last4, hire_date, termination_date,
                                   pay_frequency, exempt, created_at, updated_at)
            VALUES (@Id, @CompanyId, @FirstName, @LastName, @Ciphertext, @BlindIndex, @Last4, @HireDate, @TerminationDate,
                    @PayFrequency, @Exempt, @CreatedAt, @UpdatedAt)
            ON CONFLICT (company_id, ssn_blind_index) DO NOTHING
            """,
            Parameters(employee, ssn), session.Transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return false;
        }

        await SaveHistoryAsync(employee, cancellationToken);
        return true;
    }

    public async Task UpdateAsync(Employee employee, ProtectedSsn? ssn, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var ssnColumns = ssn is null ? string.Empty : "ssn_ciphertext = @Ciphertext, ssn_blind_index = @BlindIndex, ssn_last4 = @Last4, ";
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE employees SET {ssnColumns}first_name = @FirstName, last_name = @LastName, hire_date = @HireDate, termination_date = @TerminationDate,
                   pay_frequency = @PayFrequency, exempt = @Exempt, updated_at = @UpdatedAt
            WHERE id = @Id AND company_id = @CompanyId
            """,
            Parameters(employee, ssn), session.Transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM employee_w4s WHERE employee_id = @Id", new { employee.Id }, session.Transaction, cancellationToken: cancellationToken));
        if (employee.KoreaProfiles.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM employee_kr_profiles WHERE employee_id = @Id", new { employee.Id }, session.Transaction, cancellationToken: cancellationToken));
        }

        await SaveHistoryAsync(employee, cancellationToken);
    }

    private async Task SaveHistoryAsync(Employee employee, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            EmployeeW4Row.Insert, employee.W4History.Select(w => EmployeeW4Row.From(employee.Id, w)).ToArray(), session.Transaction,
            cancellationToken: cancellationToken));
        if (employee.KoreaProfiles.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                EmployeeKoreaProfileRow.Insert, employee.KoreaProfiles.Select(p => EmployeeKoreaProfileRow.From(employee.Id, p)).ToArray(), session.Transaction,
                cancellationToken: cancellationToken));
        }
    }

    private static object Parameters(Employee employee, ProtectedSsn? ssn) => new
    {
        employee.Id,
        employee.CompanyId,
        employee.FirstName,
        employee.LastName,
        ssn?.Ciphertext,
        ssn?.BlindIndex,
        Last4 = ssn?.Last4 ?? employee.SsnLast4,
        employee.HireDate,
        employee.TerminationDate,
        PayFrequency = W4Mapping.ToText(employee.PayFrequency),
        employee.Exempt,
        employee.CreatedAt,
        employee.UpdatedAt,
    };
}
