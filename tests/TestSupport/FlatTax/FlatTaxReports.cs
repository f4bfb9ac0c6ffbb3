using Dapper;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.TestSupport.FlatTax;

/// <summary>The income tax withheld per month, from the core columns (gross + bonus - post-tax deductions - net pay).</summary>
public sealed class FlatTaxReports(DbSession session) : IWithholdingReports
{
    public string Regime => FlatTaxRegime.RegimeCode;

    public Error? CheckPeriod(int? quarter, int? month) => null;

    public async Task DescribeAsync(Guid companyId, int year, IReadOnlyList<int> months, IDictionary<string, object?> members, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(long Month, long Tax)>(new CommandDefinition(
            """
            SELECT CAST(p.pay_month AS bigint), SUM(l.gross_wages + l.supplemental_wages - l.post_tax_deductions - l.net_pay)
            FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @year
            GROUP BY p.pay_month
            """,
            new { companyId, year }, session.Transaction, cancellationToken: cancellationToken))).ToDictionary(r => (int)r.Month, r => r.Tax);
        var byMonth = months.Select(m => new { month = m, incomeTax = new Money(rows.GetValueOrDefault(m)).Amount }).ToList();
        members["incomeTax"] = byMonth.Sum(m => m.incomeTax);
        members["months"] = byMonth;
    }
}
