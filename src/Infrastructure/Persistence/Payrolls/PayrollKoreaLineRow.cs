using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

/// <summary>A <c>payroll_kr_lines</c> row, whole KRW; read through a LEFT JOIN, so every column is nullable on a us-federal line.</summary>
internal static class PayrollKoreaLineRow
{
    /// <summary>Selected beside <see cref="PayrollLineRow.Columns"/> from <c>payroll_lines l LEFT JOIN payroll_kr_lines k</c>.</summary>
    public const string Columns =
        "k.base_pay AS KrBasePay, k.taxable_allowances AS KrTaxableAllowances, k.bonus AS KrBonus, k.meals AS KrMeals, k.car_allowance AS KrCarAllowance, " +
        "k.childcare AS KrChildcare, k.taxable_pay AS KrTaxablePay, k.non_taxable_pay AS KrNonTaxablePay, k.national_pension AS KrNationalPension, " +
        "k.health_insurance AS KrHealthInsurance, k.long_term_care AS KrLongTermCare, k.employment_insurance AS KrEmploymentInsurance, " +
        "k.income_tax AS KrIncomeTax, k.local_income_tax AS KrLocalIncomeTax, k.dependents AS KrDependents, k.children_8_to_20 AS KrChildren, " +
        "k.withholding_ratio AS KrWithholdingRatio";

    public const string Join = "LEFT JOIN payroll_kr_lines k ON k.payroll_id = l.payroll_id AND k.line_no = l.line_no";

    public static readonly string[] InsertColumns =
    [
        "payroll_id", "line_no", "base_pay", "taxable_allowances", "bonus", "meals", "car_allowance", "childcare", "taxable_pay", "non_taxable_pay",
        "national_pension", "health_insurance", "long_term_care", "employment_insurance", "income_tax", "local_income_tax", "dependents",
        "children_8_to_20", "withholding_ratio",
    ];

    public static IEnumerable<object?> Values(Guid payrollId, PayrollLine line)
    {
        var k = line.Korea!;
        return
        [
            payrollId, line.LineNumber, k.BasePay, k.TaxableAllowances, k.Bonus, k.NonTaxable.Meals, k.NonTaxable.CarAllowance, k.NonTaxable.Childcare,
            k.TaxablePay, k.NonTaxablePay, k.NationalPension, k.HealthInsurance, k.LongTermCare, k.EmploymentInsurance, k.IncomeTax, k.LocalIncomeTax,
            k.Dependents, k.ChildrenAged8To20, k.WithholdingRatio,
        ];
    }
}
