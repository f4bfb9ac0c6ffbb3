using PayrollPortal.Application.Common;
using Dapper;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Infrastructure.Persistence.Regimes;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

internal sealed class PayrollRepository(DbSession session, RegimeParts<IPayrollLineStorage> storages, LineRowWriter writer) : IPayrollRepository
{
    public Task<Payroll?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken) => LoadAsync(companyId, id, null, cancellationToken);

    public Task<Payroll?> GetWithLineOfAsync(Guid companyId, Guid id, Guid employeeId, CancellationToken cancellationToken) =>
        LoadAsync(companyId, id, employeeId, cancellationToken);

    private async Task<Payroll?> LoadAsync(Guid companyId, Guid id, Guid? employeeId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PayrollRow>(new CommandDefinition(
            $"SELECT {PayrollRow.Columns} FROM payrolls WHERE id = @id AND company_id = @companyId",
            new { id, companyId }, session.Transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var lines = (await connection.QueryAsync<PayrollLineRow>(new CommandDefinition(
            $"""
            SELECT {PayrollLineRow.Columns} FROM payroll_lines l WHERE l.payroll_id = @id {(employeeId is null ? "" : "AND l.employee_id = @employeeId")}
            ORDER BY l.line_no
            """,
            new { id, employeeId }, session.Transaction, cancellationToken: cancellationToken))).AsList();

        // An employee has at most one line in a payroll: only its details are read then.
        IReadOnlyDictionary<int, IPayrollLineDetails> details = employeeId is null || lines.Count == 1
            ? await storages.For(row.Regime).LoadAsync(id, employeeId is null ? null : lines[0].LineNo, cancellationToken)
            : new Dictionary<int, IPayrollLineDetails>();
        return row.ToDomain(lines.Select(l => l.ToDomain(details[l.LineNo])));
    }

    public async Task AddAsync(Payroll payroll, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payrolls (id, company_id, regime, period_start, period_end, pay_date, pay_year, pay_month, pay_frequency, status, needs_review,
                                  review_reason, void_reason, approved_at, voided_at, created_at, updated_at, pay_schedule_id, off_cycle, off_cycle_reason)
            VALUES (@Id, @CompanyId, @Regime, @PeriodStart, @PeriodEnd, @PayDate, @PayYear, @PayMonth, @PayFrequency, @Status, @NeedsReview,
                    @ReviewReason, @VoidReason, @ApprovedAt, @VoidedAt, @CreatedAt, @UpdatedAt, @PayScheduleId, @OffCycle, @OffCycleReason)
            """,
            new
            {
                payroll.Id,
                payroll.CompanyId,
                payroll.Regime,
                payroll.PeriodStart,
                payroll.PeriodEnd,
                payroll.PayDate,
                PayYear = payroll.PayDate.Year,
                PayMonth = payroll.PayDate.Month,
                PayFrequency = EnumText.ToText(payroll.PayFrequency),
                Status = EnumText.ToText(payroll.Status),
                payroll.NeedsReview,
                payroll.ReviewReason,
                payroll.VoidReason,
                payroll.ApprovedAt,
                payroll.VoidedAt,
                payroll.CreatedAt,
                payroll.UpdatedAt,
                payroll.PayScheduleId,
                payroll.OffCycle,
                payroll.OffCycleReason,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        await InsertLinesAsync(payroll.Id, payroll.Regime, payroll.Lines, cancellationToken);
    }

    public Task AddLinesAsync(Payroll payroll, IReadOnlyList<PayrollLine> lines, CancellationToken cancellationToken) =>
        InsertLinesAsync(payroll.Id, payroll.Regime, lines, cancellationToken);

    public async Task ReplaceLinesAsync(Payroll payroll, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await storages.For(payroll.Regime).DeleteAsync(payroll.Id, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM payroll_lines WHERE payroll_id = @Id", new { payroll.Id }, session.Transaction, cancellationToken: cancellationToken));
        await InsertLinesAsync(payroll.Id, payroll.Regime, payroll.Lines, cancellationToken);
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
                Status = EnumText.ToText(payroll.Status),
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
    /// The lines' core columns with the columns every registered regime owns in <c>payroll_lines</c>: this payroll's regime
    /// fills its own, the others' take their neutral values. Then the regime stores the rest (rows of its own table).
    /// </summary>
    private async Task InsertLinesAsync(Guid payrollId, string regimeCode, IReadOnlyList<PayrollLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return; // a run stores its head first, then its lines a page at a time
        }

        var regime = storages.For(regimeCode);
        var owned = new Dictionary<string, int>(StringComparer.Ordinal);
        var neutral = new List<object?>();
        foreach (var storage in storages.All)
        {
            foreach (var (column, value) in storage.OwnedColumns.Zip(storage.OwnedValues(null)))
            {
                if (owned.TryAdd(column, neutral.Count))
                {
                    neutral.Add(value);
                }
            }
        }

        var columns = PayrollLineRow.InsertColumns.Concat(owned.Keys).ToArray();

        // Where each of this regime's values goes in a row, worked out once rather than per line.
        var core = PayrollLineRow.InsertColumns.Length;
        var slots = regime.OwnedColumns.Select(column => core + owned[column]).ToArray();
        await writer.InsertAsync("payroll_lines", columns, lines.Select(Row), cancellationToken);
        await regime.SaveAsync(payrollId, lines, writer, cancellationToken);

        object?[] Row(PayrollLine line)
        {
            var values = new object?[columns.Length];
            PayrollLineRow.CopyValues(payrollId, line, values);
            neutral.CopyTo(values, core);
            var slot = 0;
            foreach (var value in regime.OwnedValues(line))
            {
                values[slots[slot++]] = value;
            }

            return values;
        }
    }
}
