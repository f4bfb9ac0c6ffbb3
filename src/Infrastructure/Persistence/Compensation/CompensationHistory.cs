using Dapper;
using PayrollPortal.Application.Compensation;

namespace PayrollPortal.Infrastructure.Persistence.Compensation;

/// <summary><c>employee_compensation</c>: one row per employee and effective date.</summary>
internal sealed class CompensationHistory(DbSession session) : ICompensationHistory
{
    private const string Columns =
        "c.employee_id AS EmployeeId, c.effective_from AS EffectiveFrom, c.pay_type AS PayType, c.terms AS Terms, c.recorded_at AS RecordedAt";

    public async Task<IReadOnlyList<StoredCompensation>> ListAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM employee_compensation c WHERE c.employee_id = @employeeId ORDER BY c.effective_from DESC",
            new { employeeId }, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    public async Task<IReadOnlyDictionary<Guid, StoredCompensation>> InEffectAsync(IReadOnlyCollection<Guid> employeeIds, DateOnly on, CancellationToken cancellationToken)
    {
        var inEffect = new Dictionary<Guid, StoredCompensation>();
        if (employeeIds.Count == 0)
        {
            return inEffect;
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { on });
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM employee_compensation c
            WHERE {SqlIn.Any(connection, parameters, "c.employee_id", "ids", employeeIds)} AND c.effective_from <= @on
            ORDER BY c.employee_id, c.effective_from
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            inEffect[row.EmployeeId] = row.ToStored(); // ordered by date, so the last one wins
        }

        return inEffect;
    }

    public async Task<StoredCompensation?> SaveAsync(StoredCompensation record, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var previous = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM employee_compensation c WHERE c.employee_id = @EmployeeId AND c.effective_from = @EffectiveFrom",
            new { record.EmployeeId, record.EffectiveFrom }, session.Transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO employee_compensation (employee_id, effective_from, pay_type, terms, recorded_at)
            VALUES (@EmployeeId, @EffectiveFrom, @PayType, @Terms, @RecordedAt)
            ON CONFLICT (employee_id, effective_from) DO UPDATE SET pay_type = excluded.pay_type, terms = excluded.terms, recorded_at = excluded.recorded_at
            """,
            record, session.Transaction, cancellationToken: cancellationToken));
        return previous?.ToStored();
    }

    /// <summary>An import's first records of its hires in one COPY on PostgreSQL (one prepared INSERT per row on SQLite).</summary>
    public Task AddNewAsync(IReadOnlyList<StoredCompensation> records, CancellationToken cancellationToken) =>
        new Regimes.LineRowWriter(session).InsertAsync(
            "employee_compensation", ["employee_id", "effective_from", "pay_type", "terms", "recorded_at"],
            records.Select(r => new object?[] { r.EmployeeId, r.EffectiveFrom, r.PayType, r.Terms, r.RecordedAt }), cancellationToken);

    private sealed class Row
    {
        public Guid EmployeeId { get; init; }

        public DateOnly EffectiveFrom { get; init; }

        public string PayType { get; init; } = string.Empty;

        public string Terms { get; init; } = string.Empty;

        public DateTimeOffset RecordedAt { get; init; }

        public StoredCompensation ToStored() => new(EmployeeId, EffectiveFrom, PayType, Terms, RecordedAt);
    }
}
