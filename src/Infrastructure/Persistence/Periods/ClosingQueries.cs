using Dapper;
using PayrollPortal.Application.Periods;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Infrastructure.Persistence.Periods;

/// <summary>
/// The closing dashboard in one statement: the months that have payrolls (voided ones not counted) or a closing, joined to
/// their company, in (company created_at, id, month) order for the keyset. The month range is a range on
/// <c>ix_payrolls_year_month</c>, whatever the number of companies.
/// </summary>
internal sealed class ClosingQueries(DbSession session) : IClosingQueries
{
    public async Task<IReadOnlyList<ClosingRow>> ListAsync(
        PayMonth from, PayMonth to, Guid? companyId, string? status, ClosingsCursor? after, int take, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        if (after is not null)
        {
            conditions.Add("(c.created_at, c.id, k.y, k.m) > (@afterCreatedAt, @afterId, @afterYear, @afterMonth)");
        }

        conditions.Add(status switch
        {
            PeriodDto.Closed => "cl.closed_at IS NOT NULL",
            PeriodDto.InProgress => "cl.closed_at IS NULL",
            // Every row here has payrolls or a closing; months with neither are filled in by the caller for one company.
            PeriodDto.None => "1 = 0",
            _ => "1 = 1",
        });
        var company = companyId is null ? string.Empty : " AND company_id = @companyId";
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            WITH months AS (
                SELECT company_id, pay_year AS y, pay_month AS m, count(*) AS payrolls, max(updated_at) AS updated_at
                FROM payrolls
                WHERE (pay_year, pay_month) >= (@fromYear, @fromMonth) AND (pay_year, pay_month) <= (@toYear, @toMonth)
                  AND status <> 'voided'{company}
                GROUP BY company_id, pay_year, pay_month
            ), closed AS (
                SELECT company_id, pay_year AS y, pay_month AS m, closed_at
                FROM period_closings
                WHERE (pay_year, pay_month) >= (@fromYear, @fromMonth) AND (pay_year, pay_month) <= (@toYear, @toMonth){company}
            ), k AS (
                SELECT company_id, y, m FROM months UNION SELECT company_id, y, m FROM closed
            )
            SELECT c.id, c.name, c.created_at, k.y, k.m, COALESCE(mo.payrolls, 0), mo.updated_at, cl.closed_at
            FROM k
            JOIN companies c ON c.id = k.company_id
            LEFT JOIN months mo ON mo.company_id = k.company_id AND mo.y = k.y AND mo.m = k.m
            LEFT JOIN closed cl ON cl.company_id = k.company_id AND cl.y = k.y AND cl.m = k.m
            WHERE {string.Join(" AND ", conditions)}
            ORDER BY c.created_at, c.id, k.y, k.m
            LIMIT @take
            """,
            new
            {
                fromYear = from.Year, fromMonth = from.Month, toYear = to.Year, toMonth = to.Month, companyId,
                afterCreatedAt = after?.CompanyCreatedAt ?? default, afterId = after?.CompanyId ?? default,
                afterYear = after?.Month.Year ?? 0, afterMonth = after?.Month.Month ?? 0, take,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        var rows = new List<ClosingRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? updated = reader.IsDBNull(6) ? null : SqlTime.FromDatabase(reader.GetValue(6));
            DateTimeOffset? closed = reader.IsDBNull(7) ? null : SqlTime.FromDatabase(reader.GetValue(7));
            rows.Add(new ClosingRow(
                reader.GetGuid(0),
                reader.GetString(1),
                SqlTime.FromDatabase(reader.GetValue(2)),
                new PayMonth(Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture)),
                Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                closed is not null,
                Latest(updated, closed)));
        }

        return rows;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
