using Dapper;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Regimes;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Korea;

/// <summary>A kr line's inputs and six deductions in <c>payroll_kr_lines</c>, beside the <c>payroll_lines</c> row, whole KRW.</summary>
internal sealed class KoreaLineStorage(DbSession session) : IPayrollLineStorage
{
    private static readonly string[] InsertColumns =
    [
        "payroll_id", "line_no", "base_pay", "taxable_allowances", "bonus", "meals", "car_allowance", "childcare", "taxable_pay", "non_taxable_pay",
        "national_pension", "health_insurance", "long_term_care", "employment_insurance", "income_tax", "local_income_tax", "dependents",
        "children_8_to_20", "withholding_ratio", "premium_month",
    ];

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public string Regime => KoreaRegime.RegimeCode;

    public IReadOnlyList<string> OwnedColumns => [];

    public IEnumerable<object?> OwnedValues(PayrollLine? line) => [];

    public async Task<IReadOnlyDictionary<int, IPayrollLineDetails>> LoadAsync(Guid payrollId, int? lineNo, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT line_no AS LineNo, base_pay AS BasePay, taxable_allowances AS TaxableAllowances, bonus AS Bonus, meals AS Meals,
                   car_allowance AS CarAllowance, childcare AS Childcare, taxable_pay AS TaxablePay, non_taxable_pay AS NonTaxablePay,
                   national_pension AS NationalPension, health_insurance AS HealthInsurance, long_term_care AS LongTermCare,
                   employment_insurance AS EmploymentInsurance, income_tax AS IncomeTax, local_income_tax AS LocalIncomeTax, dependents AS Dependents,
                   children_8_to_20 AS Children, withholding_ratio AS WithholdingRatio, premium_month AS PremiumMonth
            FROM payroll_kr_lines WHERE payroll_id = @payrollId {(lineNo is null ? "" : "AND line_no = @lineNo")}
            """,
            new { payrollId, lineNo }, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.LineNo, r => (IPayrollLineDetails)r.ToDomain());
    }

    public Task SaveAsync(Guid payrollId, IReadOnlyList<PayrollLine> lines, LineRowWriter rows, CancellationToken cancellationToken) =>
        rows.InsertAsync("payroll_kr_lines", InsertColumns, lines.Select(line => Values(payrollId, line)), cancellationToken);

    public async Task DeleteAsync(Guid payrollId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM payroll_kr_lines WHERE payroll_id = @payrollId", new { payrollId }, session.Transaction, cancellationToken: cancellationToken));
    }

    public IReadOnlyList<KeyValuePair<string, string>> TotalsSums => [];

    // In the order of KoreaRegisterColumns.
    public string RegisterAmounts =>
        """
        k.base_pay, k.taxable_allowances, k.bonus, k.meals + k.car_allowance + k.childcare, k.taxable_pay,
        k.national_pension, k.health_insurance, k.long_term_care, k.employment_insurance, k.income_tax, k.local_income_tax,
        k.national_pension + k.health_insurance + k.long_term_care + k.employment_insurance + k.income_tax + k.local_income_tax,
        l.post_tax_deductions, l.net_pay
        """;

    public string RegisterJoin => "JOIN payroll_kr_lines k ON k.payroll_id = l.payroll_id AND k.line_no = l.line_no";

    private static IEnumerable<object?> Values(Guid payrollId, PayrollLine line)
    {
        var k = (KoreaPayrollLine)line.Details;
        return
        [
            payrollId, line.LineNumber, k.BasePay, k.TaxableAllowances, k.Bonus, k.NonTaxable.Meals, k.NonTaxable.CarAllowance, k.NonTaxable.Childcare,
            k.TaxablePay, k.NonTaxablePay, k.NationalPension, k.HealthInsurance, k.LongTermCare, k.EmploymentInsurance, k.IncomeTax, k.LocalIncomeTax,
            k.Dependents, k.ChildrenAged8To20, k.WithholdingRatio,
            k.PremiumMonth is null ? null : System.Text.Json.JsonSerializer.Serialize(k.PremiumMonth, Json),
        ];
    }

    private sealed class Row
    {
        public int LineNo { get; init; }

        public long BasePay { get; init; }

        public long TaxableAllowances { get; init; }

        public long Bonus { get; init; }

        public long Meals { get; init; }

        public long CarAllowance { get; init; }

        public long Childcare { get; init; }

        public long TaxablePay { get; init; }

        public long NonTaxablePay { get; init; }

        public long NationalPension { get; init; }

        public long HealthInsurance { get; init; }

        public long LongTermCare { get; init; }

        public long EmploymentInsurance { get; init; }

        public long IncomeTax { get; init; }

        public long LocalIncomeTax { get; init; }

        public int Dependents { get; init; }

        public int Children { get; init; }

        public int WithholdingRatio { get; init; }

        public string? PremiumMonth { get; init; }

        public KoreaPayrollLine ToDomain() => new(
            BasePay, TaxableAllowances, Bonus, new KoreaNonTaxableAllowances(Meals, CarAllowance, Childcare), Dependents, Children, WithholdingRatio,
            TaxablePay, NonTaxablePay, NationalPension, HealthInsurance, LongTermCare, EmploymentInsurance, IncomeTax, LocalIncomeTax,
            PremiumMonth is null ? null : System.Text.Json.JsonSerializer.Deserialize<KoreaPremiumMonth>(PremiumMonth, Json));
    }
}
