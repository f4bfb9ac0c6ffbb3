using Dapper;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Regimes;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.UsFederal;

/// <summary>
/// A us-federal line's figures live in columns of <c>payroll_lines</c> (they predate regime modules); this regime owns them,
/// and every other regime's line stores zero there.
/// </summary>
internal sealed class UsFederalLineStorage(DbSession session) : IPayrollLineStorage
{
    private static readonly string[] Columns =
    [
        "retirement", "cafeteria", "hsa", "fit_wages", "social_security_wages", "medicare_wages", "additional_medicare_wages", "federal_income_tax",
        "social_security", "medicare", "additional_medicare", "employer_social_security", "employer_medicare",
        "state_jurisdiction", "state_wages", "state_income_tax",
    ];

    // No state is the neutral value of state_jurisdiction; every amount's is zero.
    private static readonly object?[] Zeros = [.. Columns.Select(c => c == "state_jurisdiction" ? null : (object?)0L)];

    public string Regime => UsFederalRegime.RegimeCode;

    public IReadOnlyList<string> OwnedColumns => Columns;

    public IEnumerable<object?> OwnedValues(PayrollLine? line)
    {
        if (line?.Details is not UsPayrollLine us)
        {
            return Zeros;
        }

        return
        [
            us.Retirement.Cents, us.Cafeteria.Cents, us.Hsa.Cents, us.TaxableWages.FederalIncomeTax.Cents, us.TaxableWages.SocialSecurity.Cents,
            us.TaxableWages.Medicare.Cents, us.TaxableWages.AdditionalMedicare.Cents, us.Withholdings.FederalIncomeTax.Cents,
            us.Withholdings.SocialSecurity.Cents, us.Withholdings.Medicare.Cents, us.Withholdings.AdditionalMedicare.Cents,
            us.EmployerTaxes.SocialSecurity.Cents, us.EmployerTaxes.Medicare.Cents,
            us.State?.Jurisdiction, us.State?.TaxableWages.Cents ?? 0L, us.State?.IncomeTax.Cents ?? 0L,
        ];
    }

    public async Task<IReadOnlyDictionary<int, IPayrollLineDetails>> LoadAsync(Guid payrollId, int? lineNo, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT line_no AS LineNo, retirement AS Retirement, cafeteria AS Cafeteria, hsa AS Hsa, fit_wages AS FitWages,
                   social_security_wages AS SocialSecurityWages, medicare_wages AS MedicareWages, additional_medicare_wages AS AdditionalMedicareWages,
                   federal_income_tax AS FederalIncomeTax, social_security AS SocialSecurity, medicare AS Medicare,
                   additional_medicare AS AdditionalMedicare, employer_social_security AS EmployerSocialSecurity, employer_medicare AS EmployerMedicare,
                   state_jurisdiction AS StateJurisdiction, state_wages AS StateWages, state_income_tax AS StateIncomeTax
            FROM payroll_lines WHERE payroll_id = @payrollId {(lineNo is null ? "" : "AND line_no = @lineNo")}
            """,
            new { payrollId, lineNo }, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.LineNo, r => (IPayrollLineDetails)r.ToDomain());
    }

    public Task SaveAsync(Guid payrollId, IReadOnlyList<PayrollLine> lines, LineRowWriter rows, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(Guid payrollId, CancellationToken cancellationToken) => Task.CompletedTask;

    public IReadOnlyList<KeyValuePair<string, string>> TotalsSums { get; } =
    [
        new("preTaxDeductions", "l.retirement + l.cafeteria + l.hsa"),
        new("federalIncomeTax", "l.federal_income_tax"),
        new("socialSecurity", "l.social_security"),
        new("medicare", "l.medicare"),
        new("additionalMedicare", "l.additional_medicare"),
        new("employerSocialSecurity", "l.employer_social_security"),
        new("employerMedicare", "l.employer_medicare"),
        new("stateIncomeTax", "l.state_income_tax"),
    ];

    // In the order of UsFederalRegisterColumns.MoneyColumns.
    public string RegisterAmounts =>
        """
        l.gross_wages, l.supplemental_wages, l.retirement, l.cafeteria, l.hsa,
        l.fit_wages, l.social_security_wages, l.medicare_wages, l.additional_medicare_wages,
        l.federal_income_tax, l.social_security, l.medicare, l.additional_medicare,
        l.employer_social_security, l.employer_medicare, l.state_income_tax, l.post_tax_deductions, l.net_pay
        """;

    // In the order of UsFederalRegisterColumns.Layout.TextColumns.
    public string RegisterTexts => "l.state_jurisdiction";

    public string RegisterJoin => string.Empty;

    private sealed class Row
    {
        public int LineNo { get; init; }

        public Money Retirement { get; init; }

        public Money Cafeteria { get; init; }

        public Money Hsa { get; init; }

        public Money FitWages { get; init; }

        public Money SocialSecurityWages { get; init; }

        public Money MedicareWages { get; init; }

        public Money AdditionalMedicareWages { get; init; }

        public Money FederalIncomeTax { get; init; }

        public Money SocialSecurity { get; init; }

        public Money Medicare { get; init; }

        public Money AdditionalMedicare { get; init; }

        public Money EmployerSocialSecurity { get; init; }

        public Money EmployerMedicare { get; init; }

        public string? StateJurisdiction { get; init; }

        public Money StateWages { get; init; }

        public Money StateIncomeTax { get; init; }

        public UsPayrollLine ToDomain() => new(
            Retirement, Cafeteria, Hsa,
            new UsLineTaxableWages(FitWages, SocialSecurityWages, MedicareWages, AdditionalMedicareWages),
            new UsLineWithholdings(FederalIncomeTax, SocialSecurity, Medicare, AdditionalMedicare),
            new UsLineEmployerTaxes(EmployerSocialSecurity, EmployerMedicare),
            StateJurisdiction is null ? null : new UsLineState(StateJurisdiction, StateWages, StateIncomeTax));
    }
}
