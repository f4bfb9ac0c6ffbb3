using Dapper;
using PayrollPortal.Application.Withholding.Korea;

namespace PayrollPortal.Infrastructure.Persistence.Korea;

internal sealed class KoreaReportQueries(DbSession session) : IKoreaReportQueries
{
    public async Task<IReadOnlyList<KoreaWithholdingMonthDto>> WithholdingByMonthAsync(
        Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId, year });
        var rows = await connection.QueryAsync<KoreaMonthRow>(new CommandDefinition(
            $"""
            SELECT p.pay_month AS Month, COALESCE(SUM(l.gross_wages + l.supplemental_wages), 0) AS GrossPay, COALESCE(SUM(k.taxable_pay), 0) AS TaxablePay,
                   COALESCE(SUM(k.national_pension), 0) AS NationalPension, COALESCE(SUM(k.health_insurance), 0) AS HealthInsurance,
                   COALESCE(SUM(k.long_term_care), 0) AS LongTermCare, COALESCE(SUM(k.employment_insurance), 0) AS EmploymentInsurance,
                   COALESCE(SUM(k.income_tax), 0) AS IncomeTax, COALESCE(SUM(k.local_income_tax), 0) AS LocalIncomeTax, count(DISTINCT p.id) AS PayrollCount
            FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id JOIN payroll_kr_lines k ON k.payroll_id = l.payroll_id AND k.line_no = l.line_no
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @year AND p.pay_month IN {SqlIn.List(parameters, "month", months)}
            GROUP BY p.pay_month
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new KoreaWithholdingMonthDto(
            r.Month, r.GrossPay, r.TaxablePay, r.NationalPension, r.HealthInsurance, r.LongTermCare, r.EmploymentInsurance, r.IncomeTax, r.LocalIncomeTax,
            r.NationalPension + r.HealthInsurance + r.LongTermCare + r.EmploymentInsurance + r.IncomeTax + r.LocalIncomeTax, (int)r.PayrollCount))];
    }

    private sealed class KoreaMonthRow
    {
        public int Month { get; init; }

        public long GrossPay { get; init; }

        public long TaxablePay { get; init; }

        public long NationalPension { get; init; }

        public long HealthInsurance { get; init; }

        public long LongTermCare { get; init; }

        public long EmploymentInsurance { get; init; }

        public long IncomeTax { get; init; }

        public long LocalIncomeTax { get; init; }

        public long PayrollCount { get; init; }
    }
}
