using System.Data.Common;
using System.Text.Json;
using Dapper;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Infrastructure.Persistence.UsFederal;

/// <summary>
/// <c>employee_state_certificates</c>: the work state and state certificate history. The certificate is the state's own form,
/// whose fields differ by state, so it is stored as one JSON document (camelCase, as the API spells it).
/// </summary>
internal static class EmployeeStateHistory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ILookup<Guid, EmployeeStateCertificate>> LoadAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT employee_id AS EmployeeId, effective_date AS EffectiveDate, work_state AS WorkState, certificate AS Certificate
            FROM employee_state_certificates WHERE {SqlIn.Any(connection, parameters, "employee_id", "employees", employeeIds)} ORDER BY employee_id, effective_date
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.EmployeeId, r => new EmployeeStateCertificate(
            r.EffectiveDate, r.WorkState, JsonSerializer.Deserialize<StateCertificate>(r.Certificate, Json) ?? StateCertificate.Empty));
    }

    public static async Task SaveAsync(DbConnection connection, DbTransaction? transaction, Guid employeeId, IReadOnlyList<EmployeeStateCertificate> history, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM employee_state_certificates WHERE employee_id = @employeeId", new { employeeId }, transaction, cancellationToken: cancellationToken));
        if (history.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO employee_state_certificates (employee_id, effective_date, work_state, certificate) VALUES (@EmployeeId, @EffectiveDate, @WorkState, @Certificate)",
            history.Select(s => new Row { EmployeeId = employeeId, EffectiveDate = s.EffectiveDate, WorkState = s.WorkState, Certificate = JsonSerializer.Serialize(s.Certificate, Json) }).ToArray(),
            transaction,
            cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public Guid EmployeeId { get; init; }

        public DateOnly EffectiveDate { get; init; }

        public string? WorkState { get; init; }

        public string Certificate { get; init; } = "{}";
    }
}
