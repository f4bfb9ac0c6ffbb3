using Dapper;
using Npgsql;
using NpgsqlTypes;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

internal sealed class PayrollRepository(DbSession session) : IPayrollRepository
{
    public async Task<Payroll?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PayrollRow>(new CommandDefinition(
            $"SELECT {PayrollRow.Columns} FROM payrolls WHERE id = @id AND company_id = @companyId",
            new { id, companyId }, session.Transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var lines = await connection.QueryAsync<PayrollLineRow>(new CommandDefinition(
            $"SELECT {PayrollLineRow.Columns}, {PayrollKoreaLineRow.Columns} FROM payroll_lines l {PayrollKoreaLineRow.Join} WHERE l.payroll_id = @id ORDER BY l.line_no",
            new { id }, session.Transaction, cancellationToken: cancellationToken));
        return row.ToDomain(lines.Select(l => l.ToDomain()));
    }

    public async Task AddAsync(Payroll payroll, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payrolls (id, company_id, period_start, period_end, pay_date, pay_year, pay_month, pay_frequency, status, needs_review,
                                  review_reason, void_reason, approved_at, voided_at, created_at, updated_at)
            VALUES (@Id, @CompanyId, @PeriodStart, @PeriodEnd, @PayDate, @PayYear, @PayMonth, @PayFrequency, @Status, @NeedsReview,
                    @ReviewReason, @VoidReason, @ApprovedAt, @VoidedAt, @CreatedAt, @UpdatedAt)
            """,
            new
            {
                payroll.Id,
                payroll.CompanyId,
                payroll.PeriodStart,
                payroll.PeriodEnd,
                payroll.PayDate,
                PayYear = payroll.PayDate.Year,
                PayMonth = payroll.PayDate.Month,
                PayFrequency = W4Mapping.ToText(payroll.PayFrequency),
                Status = W4Mapping.ToText(payroll.Status),
                payroll.NeedsReview,
                payroll.ReviewReason,
                payroll.VoidReason,
                payroll.ApprovedAt,
                payroll.VoidedAt,
                payroll.CreatedAt,
                payroll.UpdatedAt,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        await InsertLinesAsync(payroll, cancellationToken);
    }

    public async Task ReplaceLinesAsync(Payroll payroll, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM payroll_kr_lines WHERE payroll_id = @Id", new { payroll.Id }, session.Transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM payroll_lines WHERE payroll_id = @Id", new { payroll.Id }, session.Transaction, cancellationToken: cancellationToken));
        await InsertLinesAsync(payroll, cancellationToken);
        await UpdateStatusAsync(payroll, cancellationToken);
    }

    public async Task UpdateStatusAsync(Payroll payroll, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payrolls SET status = @Status, needs_review = @NeedsReview, review_reason = @ReviewReason, void_reason = @VoidReason,
                   approved_at = @ApprovedAt, voided_at = @VoidedAt, updated_at = @UpdatedAt
            WHERE id = @Id AND company_id = @CompanyId
            """,
            new
            {
                payroll.Id,
                payroll.CompanyId,
                Status = W4Mapping.ToText(payroll.Status),
                payroll.NeedsReview,
                payroll.ReviewReason,
                payroll.VoidReason,
                payroll.ApprovedAt,
                payroll.VoidedAt,
                payroll.UpdatedAt,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyDictionary<Guid, YearToDate>> GetYearToDateAsync(
        Guid companyId, int taxYear, DateOnly payDate, IReadOnlyCollection<Guid> employeeIds, Guid excludePayrollId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId, taxYear, payDate, excludePayrollId });
        var rows = await connection.QueryAsync<YearToDateRow>(new CommandDefinition(
            $"""
            SELECT l.employee_id AS EmployeeId, SUM(l.social_security_wages) AS SocialSecurityWages, SUM(l.medicare_wages) AS MedicareWages,
                   SUM(l.supplemental_wages) AS SupplementalWages
            FROM payroll_lines l JOIN payrolls p ON p.id = l.payroll_id
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @taxYear AND p.pay_date <= @payDate
              AND p.id <> @excludePayrollId AND {SqlIn.Any(connection, parameters, "l.employee_id", "employees", employeeIds.Distinct())}
            GROUP BY l.employee_id
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.EmployeeId, r => new YearToDate(r.EmployeeId, r.SocialSecurityWages, r.MedicareWages, r.SupplementalWages));
    }

    public async Task<int> FlagForReviewAsync(Payroll changed, string reason, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payrolls SET needs_review = @flag, review_reason = @reason, updated_at = @now
            WHERE company_id = @CompanyId AND id <> @Id AND pay_year = @PayYear AND pay_date >= @PayDate AND status IN ('draft', 'approved')
              AND EXISTS (SELECT 1 FROM payroll_lines later JOIN payroll_lines mine ON mine.employee_id = later.employee_id
                          WHERE later.payroll_id = payrolls.id AND mine.payroll_id = @Id)
            """,
            new { flag = true, reason, now = changed.UpdatedAt, changed.CompanyId, changed.Id, PayYear = changed.PayDate.Year, changed.PayDate },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// PostgreSQL takes the lines through a binary COPY inside the command's transaction; SQLite, which has no COPY and no
    /// round trips to save, runs one prepared single-row INSERT per line. A kr
    /// payroll's detail rows follow the same way into <c>payroll_kr_lines</c>.
    /// </summary>
    private async Task InsertLinesAsync(Payroll payroll, CancellationToken cancellationToken)
    {
        await InsertRowsAsync("payroll_lines", PayrollLineRow.InsertColumns, payroll.Lines.Select(l => PayrollLineRow.Values(payroll.Id, l)), cancellationToken);
        if (payroll.IsKorea)
        {
            await InsertRowsAsync(
                "payroll_kr_lines", PayrollKoreaLineRow.InsertColumns, payroll.Lines.Select(l => PayrollKoreaLineRow.Values(payroll.Id, l)), cancellationToken);
        }
    }

    private async Task InsertRowsAsync(string table, string[] columns, IEnumerable<IEnumerable<object?>> rows, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyRowsAsync(npgsql, table, columns, rows, cancellationToken);
            return;
        }

        // One single-row INSERT, prepared once and executed per row: Dapper runs a list of parameter sets on one command,
        // and SQLite keeps the command's statement compiled. A multi-row INSERT looked cheaper but binds by name in
        // quadratic time (1,200 parameters for 50 lines cost 30 ms of CPU, bench/README.md "SQLite payroll posts").
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var perRow = new List<DynamicParameters>();
        foreach (var row in rows)
        {
            var parameters = new DynamicParameters();
            var column = 0;
            foreach (var value in row)
            {
                parameters.Add($"p{column++}", value);
            }

            perRow.Add(parameters);
        }

        if (perRow.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, perRow, session.Transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task CopyRowsAsync(
        NpgsqlConnection connection, string table, string[] columns, IEnumerable<IEnumerable<object?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                switch (value)
                {
                    case Guid id:
                        await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                        break;
                    case int number:
                        await writer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken);
                        break;
                    case long cents:
                        await writer.WriteAsync(cents, NpgsqlDbType.Bigint, cancellationToken);
                        break;
                    case DateOnly date:
                        await writer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken);
                        break;
                    case string text:
                        await writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
                        break;
                    default:
                        throw new InvalidOperationException($"No COPY mapping for {value?.GetType().Name ?? "null"}.");
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private sealed class YearToDateRow
    {
        public Guid EmployeeId { get; init; }

        public Money SocialSecurityWages { get; init; }

        public Money MedicareWages { get; init; }

        public Money SupplementalWages { get; init; }
    }
}
