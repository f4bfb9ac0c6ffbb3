using Dapper;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

internal sealed class PayrollQueries(DbSession session) : IPayrollQueries
{
    public async Task<IReadOnlyList<PayrollSummaryDto>> ListAsync(
        Guid companyId, int? year, int? month, string? status, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var filters = "p.company_id = @companyId";
        filters += year is null ? string.Empty : " AND p.pay_year = @year";
        filters += month is null ? string.Empty : " AND p.pay_month = @month";
        filters += status is null ? string.Empty : " AND p.status = @status";
        filters += after is null ? string.Empty : " AND (p.created_at, p.id) > (@createdAt, @id)";

        // Grouping by the primary key lets PostgreSQL select the payroll's other columns; SQLite allows it anyway.
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"""
            SELECT p.id AS Id, p.period_start AS PeriodStart, p.period_end AS PeriodEnd, p.pay_date AS PayDate, p.pay_frequency AS PayFrequency,
                   p.status AS Status, p.needs_review AS NeedsReview, p.created_at AS CreatedAt, count(l.line_no) AS LineCount,
                   {Sum("gross_wages")} AS GrossWages, {Sum("supplemental_wages")} AS SupplementalWages,
                   {Sum("retirement + l.cafeteria + l.hsa")} AS PreTaxDeductions, {Sum("post_tax_deductions")} AS PostTaxDeductions,
                   {Sum("federal_income_tax")} AS FederalIncomeTax, {Sum("social_security")} AS SocialSecurity, {Sum("medicare")} AS Medicare,
                   {Sum("additional_medicare")} AS AdditionalMedicare, {Sum("employer_social_security")} AS EmployerSocialSecurity,
                   {Sum("employer_medicare")} AS EmployerMedicare, {Sum("net_pay")} AS NetPay,
                   COALESCE((SELECT r.currency FROM company_regimes r WHERE r.company_id = p.company_id), 'USD') AS Currency
            FROM payrolls p LEFT JOIN payroll_lines l ON l.payroll_id = p.id
            WHERE {filters}
            GROUP BY p.id
            ORDER BY p.created_at, p.id
            LIMIT @take
            """,
            new { companyId, year, month, status, createdAt = after?.CreatedAt ?? default, id = after?.Id ?? default, take },
            session.Transaction,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDto())];
    }

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

    public async Task<IReadOnlyList<KoreaWithholdingMonthDto>> KoreaWithholdingByMonthAsync(
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

    private static string Sum(string columns) => $"COALESCE(SUM(l.{columns}), 0)";

    private sealed class SummaryRow
    {
        public Guid Id { get; init; }

        public DateOnly PeriodStart { get; init; }

        public DateOnly PeriodEnd { get; init; }

        public DateOnly PayDate { get; init; }

        public string PayFrequency { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public bool NeedsReview { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public long LineCount { get; init; }

        public Money GrossWages { get; init; }

        public Money SupplementalWages { get; init; }

        public Money PreTaxDeductions { get; init; }

        public Money PostTaxDeductions { get; init; }

        public Money FederalIncomeTax { get; init; }

        public Money SocialSecurity { get; init; }

        public Money Medicare { get; init; }

        public Money AdditionalMedicare { get; init; }

        public Money EmployerSocialSecurity { get; init; }

        public Money EmployerMedicare { get; init; }

        public Money NetPay { get; init; }

        public string Currency { get; init; } = "USD";

        /// <summary>Amounts in the company's currency: two decimals for USD, integers for KRW.</summary>
        public PayrollSummaryDto ToDto()
        {
            var currency = Domain.Common.Currency.FromCode(Currency) ?? Domain.Common.Currency.Usd;
            return new(
                Id, PeriodStart, PeriodEnd, PayDate, PayFrequency, Status, NeedsReview,
                new PayrollTotalsDto(
                    (int)LineCount, currency.ToAmount(GrossWages), currency.ToAmount(SupplementalWages), currency.ToAmount(PreTaxDeductions),
                    currency.ToAmount(PostTaxDeductions), currency.ToAmount(FederalIncomeTax), currency.ToAmount(SocialSecurity), currency.ToAmount(Medicare),
                    currency.ToAmount(AdditionalMedicare), currency.ToAmount(EmployerSocialSecurity), currency.ToAmount(EmployerMedicare), currency.ToAmount(NetPay)),
                CreatedAt);
        }
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
