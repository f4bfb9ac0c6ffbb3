using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.TestSupport.FlatTax;

/// <summary>10% of gross wages and bonus, rounded half away from zero to the cent; nothing for tax code NT.</summary>
public sealed class FlatTaxLines : IPayrollLines
{
    private static readonly FlatTaxFields.LineRules Rules = new();

    public string Regime => FlatTaxRegime.RegimeCode;

    public Currency Currency => Currency.Eur;

    public Error? CheckPayroll(DateOnly payDate, PayFrequency frequency) =>
        new FlatTaxRegime().TaxYears.Contains(payDate.Year) ? null : Error.Validation("flat.year_unavailable", "No xx-flat rates for that year.", "payDate");

    public Result<ILineInput> Read(RegimeFields fields, int index)
    {
        var read = fields.Read(
            $"lines[{index}].",
            field => Error.Validation("payroll.regime_mismatch", $"{field} is not a field of an {FlatTaxRegime.RegimeCode} line.", field),
            Rules);
        return read.IsSuccess
            ? new Input(Money.FromDecimal(read.Value!.GrossWages!.Value), Money.FromDecimal(read.Value.Bonus ?? 0m), Money.FromDecimal(read.Value.PostTaxDeductions ?? 0m))
            : Result<ILineInput>.Failure(read.Errors);
    }

    public ILineInput InputOf(PayrollLine line) => new Input(line.GrossWages, line.SupplementalWages, line.PostTaxDeductions);

    public Result<PayrollLine> Compute(LineToCompute line)
    {
        var input = (Input)line.Input;
        if (((FlatTaxProfile)line.Employee.TaxProfile).On(line.PayDate) is not { } code)
        {
            return Error.Validation("flat.no_tax_code", "The employee has no tax code on the pay date.", $"lines[{line.Index}].employeeId");
        }

        var taxable = (input.GrossWages + input.Bonus).Amount;
        var tax = code.TaxCode == "NT" ? 0m : decimal.Round(taxable * FlatTaxRegime.Rate, 2, MidpointRounding.AwayFromZero);
        return new PayrollLine(
            line.Index + 1,
            line.Employee.Id,
            $"{line.Employee.FirstName} {line.Employee.LastName}",
            line.Employee.SsnLast4,
            input.GrossWages,
            input.Bonus,
            input.PostTaxDeductions,
            code.EffectiveDate,
            $$"""{"taxable":{{taxable}},"rate":{{(code.TaxCode == "NT" ? 0 : FlatTaxRegime.Rate)}}}""",
            new FlatTaxLine(code.TaxCode, Money.FromDecimal(tax).Cents));
    }

    public void Describe(PayrollLine line, IDictionary<string, object?> members)
    {
        var details = (FlatTaxLine)line.Details;
        members["taxCode"] = details.TaxCode;
        members["incomeTax"] = details.EmployeeTaxes.Amount;
    }

    public void DescribeTotals(IReadOnlyList<PayrollLine> lines, IDictionary<string, object?> totals, IDictionary<string, object?> payroll) =>
        totals["incomeTax"] = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Details.EmployeeTaxes).Amount;

    private sealed record Input(Money GrossWages, Money Bonus, Money PostTaxDeductions) : ILineInput;
}
