using Dapper;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Infrastructure.Persistence.UsFederal;

internal sealed class UsFederalReportQueries(DbSession session) : IUsFederalReportQueries
{
    public async Task<IReadOnlyList<WithholdingMonthDto>> WithholdingByMonthAsync(
        Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId, year });
        var rows = await connection.QueryAsync<MonthRow>(new CommandDefinition(
            $"""
            SELECT p.pay_month AS Month, {Sum("gross_wages + l.supplemental_wages")} AS Wages, {Sum("fit_wages")} AS FederalIncomeTaxWages,
                   {Sum("federal_income_tax")} AS FederalIncomeTax, {Sum("social_security_wages")} AS SocialSecurityWages,
                   {Sum("social_security")} AS SocialSecurityEmployee, {Sum("employer_social_security")} AS SocialSecurityEmployer,
                   {Sum("medicare_wages")} AS MedicareWages, {Sum("medicare")} AS MedicareEmployee, {Sum("employer_medicare")} AS MedicareEmployer,
                   {Sum("additional_medicare")} AS AdditionalMedicare, count(DISTINCT p.id) AS PayrollCount
            FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @year AND p.pay_month IN {SqlIn.List(parameters, "month", months)}
            GROUP BY p.pay_month
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDto())];
    }

    public async Task<IReadOnlyList<StateTotalsDto>> StatesAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId, year });
        var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(
            $"""
            SELECT l.state_jurisdiction AS Jurisdiction, {Sum("state_wages")} AS Wages, {Sum("state_income_tax")} AS IncomeTax
            FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @year AND p.pay_month IN {SqlIn.List(parameters, "month", months)}
              AND l.state_jurisdiction IS NOT NULL
            GROUP BY l.state_jurisdiction
            ORDER BY l.state_jurisdiction
            """,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StateTotalsDto(r.Jurisdiction, r.Wages.Amount, r.IncomeTax.Amount))];
    }

    private static string Sum(string columns) => $"COALESCE(SUM(l.{columns}), 0)";

    private sealed class StateRow
    {
        public string Jurisdiction { get; init; } = string.Empty;

        public Money Wages { get; init; }

        public Money IncomeTax { get; init; }
    }

    private sealed class MonthRow
    {
        public int Month { get; init; }

        public Money Wages { get; init; }

        public Money FederalIncomeTaxWages { get; init; }

        public Money FederalIncomeTax { get; init; }

        public Money SocialSecurityWages { get; init; }

        public Money SocialSecurityEmployee { get; init; }

        public Money SocialSecurityEmployer { get; init; }

        public Money MedicareWages { get; init; }

        public Money MedicareEmployee { get; init; }

        public Money MedicareEmployer { get; init; }

        public Money AdditionalMedicare { get; init; }

        public long PayrollCount { get; init; }

        public WithholdingMonthDto ToDto() => new(
            Month, Wages.Amount, FederalIncomeTaxWages.Amount, FederalIncomeTax.Amount, SocialSecurityWages.Amount, SocialSecurityEmployee.Amount,
            SocialSecurityEmployer.Amount, MedicareWages.Amount, MedicareEmployee.Amount, MedicareEmployer.Amount, AdditionalMedicare.Amount,
            (FederalIncomeTax + SocialSecurityEmployee + SocialSecurityEmployer + MedicareEmployee + MedicareEmployer + AdditionalMedicare).Amount,
            (int)PayrollCount);
    }
}
