using Dapper;
using PayrollPortal.Application.Payslips;

namespace PayrollPortal.Infrastructure.Persistence.Payslips;

internal sealed class PayslipSource(DbSession session) : IPayslipSource
{
    private const string Earlier =
        "SELECT p.id FROM payrolls p WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @taxYear AND p.id <> @payrollId ";

    private const string Order = " ORDER BY p.pay_date, p.approved_at, p.id";

    public async Task<IReadOnlyList<Guid>> EarlierPayrollsAsync(
        Guid companyId, Guid payrollId, int taxYear, DateOnly payDate, DateTimeOffset? approvedAt, Guid? employeeId, CancellationToken cancellationToken)
    {
        // Two spellings rather than "@approvedAt IS NULL OR ...": PostgreSQL cannot type a parameter that is only ever null.
        var sql = Earlier
            + (approvedAt is null ? "AND p.pay_date <= @payDate" : "AND (p.pay_date < @payDate OR (p.pay_date = @payDate AND p.approved_at < @approvedAt))")
            + (employeeId is null ? string.Empty : " AND EXISTS (SELECT 1 FROM payroll_lines l WHERE l.payroll_id = p.id AND l.employee_id = @employeeId)")
            + Order;
        var connection = await session.ConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            sql, new { companyId, payrollId, taxYear, payDate, approvedAt, employeeId }, session.Transaction, cancellationToken: cancellationToken));
        return [.. ids];
    }

    public async Task<IReadOnlyList<MyPayslipRow>> MyPayslipsAsync(IReadOnlyDictionary<Guid, Guid> bindings, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = new List<MyPayslipRow>();
        foreach (var (companyId, employeeId) in bindings)
        {
            rows.AddRange((await connection.QueryAsync<Row>(new CommandDefinition(
                """
                SELECT p.company_id AS CompanyId, c.name AS CompanyName, COALESCE(r.currency, 'USD') AS Currency, p.id AS PayrollId,
                       p.period_start AS PeriodStart, p.period_end AS PeriodEnd, p.pay_date AS PayDate, l.net_pay AS NetPay
                FROM payrolls p
                JOIN payroll_lines l ON l.payroll_id = p.id
                JOIN companies c ON c.id = p.company_id
                LEFT JOIN company_regimes r ON r.company_id = p.company_id
                WHERE p.company_id = @companyId AND l.employee_id = @employeeId AND p.status = 'approved'
                """,
                new { companyId, employeeId }, session.Transaction, cancellationToken: cancellationToken)))
                .Select(r => new MyPayslipRow(r.CompanyId, r.CompanyName, r.Currency, r.PayrollId, r.PeriodStart, r.PeriodEnd, r.PayDate, r.NetPay)));
        }

        return [.. rows.OrderByDescending(r => r.PayDate).ThenBy(r => r.CompanyName, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyDictionary<Guid, PayslipIdentity>> IdentitiesAsync(Guid companyId, Guid payrollId, Guid? employeeId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, string? Number, string Ciphertext)>(new CommandDefinition(
            $"""
            SELECT id, employee_number, ssn_ciphertext FROM employees
            WHERE company_id = @companyId AND id IN (SELECT employee_id FROM payroll_lines WHERE payroll_id = @payrollId)
              {(employeeId is null ? "" : "AND id = @employeeId")}
            """,
            new { companyId, payrollId, employeeId }, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => new PayslipIdentity(r.Number, r.Ciphertext));
    }

    private sealed class Row
    {
        public Guid CompanyId { get; init; }

        public string CompanyName { get; init; } = string.Empty;

        public string Currency { get; init; } = string.Empty;

        public Guid PayrollId { get; init; }

        public DateOnly PeriodStart { get; init; }

        public DateOnly PeriodEnd { get; init; }

        public DateOnly PayDate { get; init; }

        public long NetPay { get; init; }
    }
}
