using System.Text.Json;
using Dapper;
using PayrollPortal.Application.OpeningBalances;

namespace PayrollPortal.Infrastructure.Persistence.OpeningBalances;

internal sealed class OpeningBalanceStore(DbSession session) : IOpeningBalanceStore
{
    public async Task AddAsync(OpeningBalance balance, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO opening_balances (id, company_id, employee_id, tax_year, as_of, period_month, regime, amounts, recorded_at)
            VALUES (@Id, @CompanyId, @EmployeeId, @TaxYear, @AsOf, @PeriodMonth, @Regime, @Amounts, @RecordedAt)
            """,
            new
            {
                balance.Id,
                balance.CompanyId,
                balance.EmployeeId,
                balance.TaxYear,
                balance.AsOf,
                balance.PeriodMonth,
                balance.Regime,
                Amounts = JsonSerializer.Serialize(balance.Amounts),
                balance.RecordedAt,
            },
            session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<OpeningBalance>> EffectiveAsync(
        Guid companyId, int taxYear, IReadOnlyCollection<Guid>? employeeIds, CancellationToken cancellationToken)
    {
        if (employeeIds is { Count: 0 })
        {
            return [];
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId, taxYear });
        var employees = employeeIds is null ? string.Empty : "AND " + SqlIn.Any(connection, parameters, "employee_id", "employees", employeeIds.Distinct());

        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT id AS Id, company_id AS CompanyId, employee_id AS EmployeeId, tax_year AS TaxYear, as_of AS AsOf, period_month AS PeriodMonth,
                   regime AS Regime, amounts AS Amounts, recorded_at AS RecordedAt
            FROM opening_balances WHERE company_id = @companyId AND tax_year = @taxYear {employees}
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return OpeningBalance.Effective(rows.Select(r => new OpeningBalance(
            r.Id, r.CompanyId, r.EmployeeId, r.TaxYear, r.AsOf, r.PeriodMonth, r.Regime,
            JsonSerializer.Deserialize<Dictionary<string, long>>(r.Amounts)!, r.RecordedAt)));
    }

    public async Task<DateOnly?> ApprovedPayrollAfterAsync(Guid companyId, Guid employeeId, int taxYear, DateOnly asOf, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var dates = await connection.QueryAsync<DateOnly>(new CommandDefinition(
            """
            SELECT p.pay_date FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @taxYear AND p.pay_date > @asOf AND l.employee_id = @employeeId
            ORDER BY p.pay_date
            LIMIT 1
            """,
            new { companyId, employeeId, taxYear, asOf }, session.Transaction, cancellationToken: cancellationToken));
        return dates.Select(d => (DateOnly?)d).FirstOrDefault();
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid CompanyId { get; init; }

        public Guid EmployeeId { get; init; }

        public int TaxYear { get; init; }

        public DateOnly AsOf { get; init; }

        public int PeriodMonth { get; init; }

        public string Regime { get; init; } = string.Empty;

        public string Amounts { get; init; } = string.Empty;

        public DateTimeOffset RecordedAt { get; init; }
    }
}
