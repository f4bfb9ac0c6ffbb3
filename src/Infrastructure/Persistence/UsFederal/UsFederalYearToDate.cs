using Dapper;
using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Infrastructure.Persistence.UsFederal;

/// <summary>
/// Social Security, Medicare and supplemental wages, FICA and state tax withheld, per employee from the company's approved
/// payrolls of the year, plus the opening balances carried in as of the pay date or earlier (docs/IMPORTS.md).
/// </summary>
internal sealed class UsFederalYearToDate(DbSession session, IOpeningBalanceStore openingBalances) : IYearToDateSource
{
    public string Regime => UsFederalRegime.RegimeCode;

    /// <remarks>An approved payroll on the same day as <paramref name="payDate"/> was approved first, so it counts.</remarks>
    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        Guid companyId, int taxYear, DateOnly payDate, IReadOnlyCollection<Guid> employeeIds, Guid excludePayrollId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId, taxYear, payDate, excludePayrollId });
        var rows = await connection.QueryAsync<YearToDateRow>(new CommandDefinition(
            $"""
            SELECT l.employee_id AS EmployeeId, SUM(l.social_security_wages) AS SocialSecurityWages, SUM(l.medicare_wages) AS MedicareWages,
                   SUM(l.supplemental_wages) AS SupplementalWages,
                   SUM(l.social_security + l.medicare + l.additional_medicare) AS FicaWithheld, SUM(l.state_income_tax) AS StateIncomeTax
            FROM payroll_lines l JOIN payrolls p ON p.id = l.payroll_id
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @taxYear AND p.pay_date <= @payDate
              AND p.id <> @excludePayrollId AND {SqlIn.Any(connection, parameters, "l.employee_id", "employees", employeeIds.Distinct())}
            GROUP BY l.employee_id
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        var sums = rows.ToDictionary(r => r.EmployeeId, r => new YearToDate(r.EmployeeId, r.SocialSecurityWages, r.MedicareWages, r.SupplementalWages, r.FicaWithheld, r.StateIncomeTax));
        foreach (var balance in await openingBalances.EffectiveAsync(companyId, taxYear, employeeIds, cancellationToken))
        {
            if (balance.AsOf > payDate)
            {
                continue;
            }

            var sum = sums.GetValueOrDefault(balance.EmployeeId) ?? new YearToDate(balance.EmployeeId, Money.Zero, Money.Zero, Money.Zero);
            sums[balance.EmployeeId] = sum with
            {
                SocialSecurityWages = sum.SocialSecurityWages + new Money(balance[UsFederalOpeningBalances.SocialSecurityWages]),
                MedicareWages = sum.MedicareWages + new Money(balance[UsFederalOpeningBalances.MedicareWages]),
                SupplementalWages = sum.SupplementalWages + new Money(balance[UsFederalOpeningBalances.SupplementalWages]),
                FicaWithheld = sum.FicaWithheld + new Money(
                    balance[UsFederalOpeningBalances.SocialSecurity] + balance[UsFederalOpeningBalances.Medicare] + balance[UsFederalOpeningBalances.AdditionalMedicare]),
            };
        }

        return sums.ToDictionary(s => s.Key, s => (object)s.Value);
    }

    private sealed class YearToDateRow
    {
        public Guid EmployeeId { get; init; }

        public Money SocialSecurityWages { get; init; }

        public Money MedicareWages { get; init; }

        public Money SupplementalWages { get; init; }

        public Money FicaWithheld { get; init; }

        public Money StateIncomeTax { get; init; }
    }
}
