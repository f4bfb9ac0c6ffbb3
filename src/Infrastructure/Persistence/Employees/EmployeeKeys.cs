using Dapper;
using PayrollPortal.Application.Imports;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

internal sealed class EmployeeKeys(DbSession session) : IEmployeeKeys
{
    public async Task<IReadOnlyList<EmployeeKey>> ListAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            "SELECT id AS Id, employee_number AS EmployeeNumber, ssn_blind_index AS BlindIndex FROM employees WHERE company_id = @companyId",
            new { companyId }, session.Transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new EmployeeKey(r.Id, r.EmployeeNumber, r.BlindIndex)).ToList();
    }

    private sealed class KeyRow
    {
        public Guid Id { get; init; }

        public string? EmployeeNumber { get; init; }

        public string BlindIndex { get; init; } = string.Empty;
    }
}
