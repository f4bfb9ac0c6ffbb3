using System.Data.Common;
using Dapper;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

internal sealed class PayrollQueries(DbSession session, RegimeParts<IPayrollLineStorage> storages) : IPayrollQueries
{
    private const int FirstRegimeSum = 13;

    public async Task<IReadOnlyList<PayrollSummaryRow>> ListAsync(
        Guid companyId, string regime, int? year, int? month, string? status, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var filters = "p.company_id = @companyId";
        filters += year is null ? string.Empty : " AND p.pay_year = @year";
        filters += month is null ? string.Empty : " AND p.pay_month = @month";
        filters += status is null ? string.Empty : " AND p.status = @status";
        filters += after is null ? string.Empty : " AND (p.created_at, p.id) > (@createdAt, @id)";
        var regimeSums = storages.For(regime).TotalsSums;
        var extra = string.Concat(regimeSums.Select(s => $", COALESCE(SUM({s.Value}), 0)"));

        // Grouping by the primary key lets PostgreSQL select the payroll's other columns; SQLite allows it anyway.
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT p.id, p.period_start, p.period_end, p.pay_date, p.pay_frequency, p.status, p.needs_review, p.created_at, count(l.line_no),
                   COALESCE(SUM(l.gross_wages), 0), COALESCE(SUM(l.supplemental_wages), 0), COALESCE(SUM(l.post_tax_deductions), 0),
                   COALESCE(SUM(l.net_pay), 0){extra}
            FROM payrolls p LEFT JOIN payroll_lines l ON l.payroll_id = p.id
            WHERE {filters}
            GROUP BY p.id
            ORDER BY p.created_at, p.id
            LIMIT @take
            """,
            new { companyId, year, month, status, createdAt = after?.CreatedAt ?? default, id = after?.Id ?? default, take },
            session.Transaction,
            cancellationToken: cancellationToken));
        var rows = new List<PayrollSummaryRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PayrollSummaryRow(
                reader.GetGuid(0),
                reader.GetFieldValue<DateOnly>(1),
                reader.GetFieldValue<DateOnly>(2),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetBoolean(6),
                SqlTime.FromDatabase(reader.GetValue(7)),
                (int)reader.GetInt64(8),
                Cents(reader, 9),
                Cents(reader, 10),
                Cents(reader, 11),
                Cents(reader, 12),
                regimeSums.Select((sum, i) => (sum.Key, Cents(reader, FirstRegimeSum + i))).ToDictionary(s => s.Key, s => s.Item2)));
        }

        return rows;
    }

    public async Task<int> EmployeesPaidAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId, year });
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            SELECT count(DISTINCT l.employee_id) FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @year AND p.pay_month IN {SqlIn.List(parameters, "month", months)}
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<DateOnly?> LatestApprovedPayDateAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        // Ordered and limited rather than max(): no row (not a NULL) when the company has no approved payroll.
        var dates = await connection.QueryAsync<DateOnly>(new CommandDefinition(
            "SELECT pay_date FROM payrolls WHERE company_id = @companyId AND status = 'approved' ORDER BY pay_date DESC LIMIT 1",
            new { companyId }, session.Transaction, cancellationToken: cancellationToken));
        return dates.Select(d => (DateOnly?)d).FirstOrDefault();
    }

    private static Money Cents(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal));
}
