using Dapper;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

internal sealed class EmployeeRepository(DbSession session, RegimeParts<IEmployeeProfileStorage> storages) : IEmployeeRepository
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
            $"SELECT {EmployeeRow.Columns} FROM {EmployeeRow.From} WHERE e.company_id = @companyId AND {SqlIn.Any(connection, parameters, "e.id", "ids", ids)}",
            parameters, session.Transaction, cancellationToken: cancellationToken));
        var employees = await EmployeeProfiles.AttachAsync(rows.AsList(), storages, cancellationToken);
        return employees.ToDictionary(e => e.Id);
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

    public async Task<bool> NumberTakenAsync(Guid companyId, string employeeNumber, Guid? exceptEmployeeId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM employees WHERE company_id = @companyId AND employee_number = @employeeNumber AND id <> @except",
            new { companyId, employeeNumber, except = exceptEmployeeId ?? Guid.Empty }, session.Transaction, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyDictionary<string, Guid>> IdsByNumberAsync(
        Guid companyId, IReadOnlyCollection<string> employeeNumbers, CancellationToken cancellationToken)
    {
        if (employeeNumbers.Count == 0)
        {
            return new Dictionary<string, Guid>(StringComparer.Ordinal);
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId });
        var rows = await connection.QueryAsync<NumberRow>(new CommandDefinition(
            $"SELECT employee_number AS Number, id AS Id FROM employees WHERE company_id = @companyId AND {SqlIn.Any(connection, parameters, "employee_number", "numbers", employeeNumbers)}",
            parameters, session.Transaction, cancellationToken: cancellationToken));

        // Both databases compare text here byte for byte (PostgreSQL's deterministic collation, SQLite's BINARY); the ordinal
        // filter keeps that promise in code, as the import's own lookup does.
        var wanted = employeeNumbers.ToHashSet(StringComparer.Ordinal);
        return rows.Where(r => wanted.Contains(r.Number)).ToDictionary(r => r.Number, r => r.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Employee>> OnScheduleAsync(
        Guid companyId, Guid payScheduleId, DateOnly periodStart, DateOnly periodEnd, Employee? after, int take, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EmployeeRow>(new CommandDefinition(
            $"""
            SELECT {EmployeeRow.Columns} FROM {EmployeeRow.From}
            WHERE e.company_id = @companyId AND e.pay_schedule_id = @payScheduleId AND e.hire_date <= @periodEnd
              AND (e.termination_date IS NULL OR e.termination_date >= @periodStart)
              {(after is null ? "" : "AND (e.last_name, e.first_name, e.id) > (@lastName, @firstName, @id)")}
            ORDER BY e.last_name, e.first_name, e.id
            LIMIT @take
            """,
            new { companyId, payScheduleId, periodStart, periodEnd, lastName = after?.LastName, firstName = after?.FirstName, id = after?.Id, take },
            session.Transaction, cancellationToken: cancellationToken));
        return await EmployeeProfiles.AttachAsync(rows.AsList(), storages, cancellationToken);
    }

    public async Task<bool> TryAddAsync(Employee employee, ProtectedSsn ssn, CancellationToken cancellationToken)
    {
        var owned = EmployeeProfiles.OwnedColumns(employee, storages);
        var parameters = Parameters(employee, ssn, owned);
        var connection = await session.ConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO employees (id, company_id, first_name, last_name, ssn_ciphertext, ssn_blind_index, ssn_last4, hire_date, termination_date,
                                   pay_frequency, created_at, updated_at, employee_number, pay_schedule_id{string.Concat(owned.Select(c => ", " + c.Key))})
            VALUES (@Id, @CompanyId, @FirstName, @LastName, @Ciphertext, @BlindIndex, @Last4, @HireDate, @TerminationDate,
                    @PayFrequency, @CreatedAt, @UpdatedAt, @EmployeeNumber, @PayScheduleId{string.Concat(owned.Select((_, i) => $", @owned{i}"))})
            ON CONFLICT (company_id, ssn_blind_index) DO NOTHING
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return false;
        }

        await storages.For(employee.TaxProfile.Regime).SaveAsync(employee, cancellationToken);
        return true;
    }

    /// <summary>
    /// An import's hires: the rows in one COPY on PostgreSQL (one prepared INSERT per row on SQLite), then each regime's
    /// profiles the same way. The import checked the identifiers first; one taken meanwhile fails the insert, and so the import.
    /// </summary>
    public async Task<bool> AddManyAsync(IReadOnlyList<(Employee Employee, ProtectedSsn Ssn)> hires, CancellationToken cancellationToken)
    {
        foreach (var regime in hires.GroupBy(h => h.Employee.TaxProfile.Regime))
        {
            var storage = storages.For(regime.Key);
            var owned = EmployeeProfiles.OwnedColumns(regime.First().Employee, storages).Select(c => c.Key).ToArray();
            string[] columns =
            [
                "id", "company_id", "first_name", "last_name", "ssn_ciphertext", "ssn_blind_index", "ssn_last4", "hire_date", "termination_date",
                "pay_frequency", "created_at", "updated_at", "employee_number", "pay_schedule_id", .. owned,
            ];
            var rows = regime.Select(h => new object?[]
            {
                h.Employee.Id, h.Employee.CompanyId, h.Employee.FirstName, h.Employee.LastName, h.Ssn.Ciphertext, h.Ssn.BlindIndex, h.Ssn.Last4,
                h.Employee.HireDate, h.Employee.TerminationDate, EnumText.ToText(h.Employee.PayFrequency), h.Employee.CreatedAt, h.Employee.UpdatedAt,
                h.Employee.EmployeeNumber, h.Employee.PayScheduleId,
            }.Concat(EmployeeProfiles.OwnedColumns(h.Employee, storages).Select(c => c.Value)));
            try
            {
                await new LineRowWriter(session).InsertAsync("employees", columns, rows, cancellationToken);
            }
            catch (System.Data.Common.DbException exception) when (IsUniqueViolation(exception))
            {
                return false;
            }

            await storage.AddManyAsync([.. regime.Select(h => h.Employee)], cancellationToken);
        }

        return true;
    }

    private static bool IsUniqueViolation(System.Data.Common.DbException exception) =>
        exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    public async Task UpdateAsync(Employee employee, ProtectedSsn? ssn, CancellationToken cancellationToken)
    {
        var owned = EmployeeProfiles.OwnedColumns(employee, storages);
        var connection = await session.ConnectionAsync(cancellationToken);
        var ssnColumns = ssn is null ? string.Empty : "ssn_ciphertext = @Ciphertext, ssn_blind_index = @BlindIndex, ssn_last4 = @Last4, ";
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE employees SET {ssnColumns}first_name = @FirstName, last_name = @LastName, hire_date = @HireDate, termination_date = @TerminationDate,
                   pay_frequency = @PayFrequency, updated_at = @UpdatedAt, employee_number = @EmployeeNumber, pay_schedule_id = @PayScheduleId{string.Concat(owned.Select((c, i) => $", {c.Key} = @owned{i}"))}
            WHERE id = @Id AND company_id = @CompanyId
            """,
            Parameters(employee, ssn, owned), session.Transaction, cancellationToken: cancellationToken));
        await storages.For(employee.TaxProfile.Regime).SaveAsync(employee, cancellationToken);
    }

    private static DynamicParameters Parameters(Employee employee, ProtectedSsn? ssn, List<KeyValuePair<string, object?>> owned)
    {
        var parameters = new DynamicParameters(new
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
            PayFrequency = EnumText.ToText(employee.PayFrequency),
            employee.CreatedAt,
            employee.UpdatedAt,
            employee.EmployeeNumber,
            employee.PayScheduleId,
        });
        for (var i = 0; i < owned.Count; i++)
        {
            parameters.Add($"owned{i}", owned[i].Value);
        }

        return parameters;
    }

    private sealed class NumberRow
    {
        public string Number { get; init; } = string.Empty;

        public Guid Id { get; init; }
    }
}
