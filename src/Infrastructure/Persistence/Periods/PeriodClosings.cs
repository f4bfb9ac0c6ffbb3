using System.Buffers.Binary;
using Dapper;
using PayrollPortal.Application.Periods;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Infrastructure.Persistence.Periods;

/// <summary>
/// <c>period_closings</c>, and the lock that keeps a close and a payroll write of the same month apart. On PostgreSQL a write
/// takes the month's advisory lock shared and a close takes it exclusive, both until the transaction ends, so a draft posted
/// while the month closes either commits first (and the close sees it) or waits and sees the month closed. SQLite runs one
/// write transaction at a time, which gives the same order.
/// </summary>
internal sealed class PeriodClosings(DbSession session) : IPeriodClosings
{
    public async Task<bool> IsClosedAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken)
    {
        await LockMonthAsync(companyId, month, exclusive: false, cancellationToken);
        return await GetAsync(companyId, month, cancellationToken) is not null;
    }

    public async Task<PeriodClosingRow?> LockAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken)
    {
        await LockMonthAsync(companyId, month, exclusive: true, cancellationToken);
        return await GetAsync(companyId, month, cancellationToken);
    }

    public async Task<IReadOnlyList<(Guid Id, DateOnly PayDate)>> DraftsAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(Command(
            """
            SELECT id, pay_date FROM payrolls
            WHERE company_id = @companyId AND pay_year = @year AND pay_month = @month AND status = 'draft'
            ORDER BY pay_date, created_at, id
            """,
            new { companyId, year = month.Year, month = month.Month },
            cancellationToken));
        var drafts = new List<(Guid, DateOnly)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            drafts.Add((reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1)));
        }

        return drafts;
    }

    public async Task CloseAsync(Guid companyId, PayMonth month, DateTimeOffset closedAt, string closedBy, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            "INSERT INTO period_closings (company_id, pay_year, pay_month, closed_at, closed_by) VALUES (@companyId, @year, @month, @closedAt, @closedBy)",
            new { companyId, year = month.Year, month = month.Month, closedAt, closedBy },
            cancellationToken));
    }

    public async Task ReopenAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            "DELETE FROM period_closings WHERE company_id = @companyId AND pay_year = @year AND pay_month = @month",
            new { companyId, year = month.Year, month = month.Month },
            cancellationToken));
    }

    public async Task<PeriodDto> DescribeAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(Command(
            """
            SELECT (SELECT count(*) FROM payrolls p WHERE p.company_id = @companyId AND p.pay_year = @year AND p.pay_month = @month AND p.status = 'draft'),
                   (SELECT count(*) FROM payrolls p WHERE p.company_id = @companyId AND p.pay_year = @year AND p.pay_month = @month AND p.status = 'approved'),
                   (SELECT closed_at FROM period_closings c WHERE c.company_id = @companyId AND c.pay_year = @year AND c.pay_month = @month),
                   (SELECT closed_by FROM period_closings c WHERE c.company_id = @companyId AND c.pay_year = @year AND c.pay_month = @month)
            """,
            new { companyId, year = month.Year, month = month.Month },
            cancellationToken));
        await reader.ReadAsync(cancellationToken);
        var drafts = (int)reader.GetInt64(0);
        var approved = (int)reader.GetInt64(1);
        DateTimeOffset? closedAt = reader.IsDBNull(2) ? null : SqlTime.FromDatabase(reader.GetValue(2));
        var closedBy = reader.IsDBNull(3) ? null : reader.GetString(3);
        return new PeriodDto(companyId, month.ToString(), PeriodDto.StatusOf(closedAt is not null, drafts + approved), drafts, approved, closedAt, closedBy);
    }

    private async Task<PeriodClosingRow?> GetAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(Command(
            "SELECT closed_at, closed_by FROM period_closings WHERE company_id = @companyId AND pay_year = @year AND pay_month = @month",
            new { companyId, year = month.Year, month = month.Month },
            cancellationToken));
        return await reader.ReadAsync(cancellationToken) ? new PeriodClosingRow(SqlTime.FromDatabase(reader.GetValue(0)), reader.GetString(1)) : null;
    }

    private async Task LockMonthAsync(Guid companyId, PayMonth month, bool exclusive, CancellationToken cancellationToken)
    {
        if (session.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        // Two-key advisory locks: the company (its id folded to 32 bits; a collision only makes two companies wait on each
        // other) and the month as yyyyMM.
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            exclusive ? "SELECT pg_advisory_xact_lock(@company, @month)" : "SELECT pg_advisory_xact_lock_shared(@company, @month)",
            new { company = Fold(companyId), month = (month.Year * 100) + month.Month },
            cancellationToken));
    }

    /// <summary>The id's four 32-bit words XORed: the same number in every process, so instances lock the same key.</summary>
    private static int Fold(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes) ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[4..])
            ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]) ^ BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
    }

    private CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, session.Transaction, cancellationToken: cancellationToken);
}
