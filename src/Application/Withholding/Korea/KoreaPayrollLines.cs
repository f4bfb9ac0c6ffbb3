using System.Text.Json;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// kr payroll lines: monthly, each employee's kr profile in effect on the pay date, the line's pay in whole KRW. Taxable pay
/// is base pay + taxable allowances + bonus (the month's bonus is withheld with the month's pay; the 상여 지급대상기간
/// method is not offered), plus whatever non-taxable allowance exceeds its limit. The line's gross wages are base pay and
/// every allowance; its supplemental wages are the bonus.
/// </summary>
public sealed class KoreaPayrollLines(KoreaRegime engine) : IPayrollLines
{
    private static readonly JsonSerializerOptions TraceJson = new(JsonSerializerDefaults.Web);
    private static readonly KoreaLineRequest.Validator Rules = new();

    public string Regime => KoreaRegime.RegimeCode;

    public Currency Currency => Currency.Krw;

    public Error? CheckPayroll(DateOnly payDate, PayFrequency frequency)
    {
        if (frequency != PayFrequency.Monthly)
        {
            return Error.Validation("payroll.kr_monthly_only", "A kr payroll is monthly: payFrequency must be \"monthly\".", "payFrequency");
        }

        var probe = new KoreaWithholdingInput(payDate.Year, payDate.Month, payDate, 0, KoreaNonTaxableAllowances.None, 1, 0, 100);
        return engine.Validate(probe) is [var error, ..] ? error with { Field = "payDate" } : null;
    }

    public Result<ILineInput> Read(RegimeFields fields, int index)
    {
        var read = fields.Read($"lines[{index}].", KoreaRequestErrors.NotALineField, Rules);
        if (!read.IsSuccess)
        {
            return Result<ILineInput>.Failure(read.Errors);
        }

        var request = read.Value!;
        return new KoreaLineInput(
            KrwAmount.ToKrw(request.BasePay),
            KrwAmount.ToKrw(request.TaxableAllowances),
            KrwAmount.ToKrw(request.Bonus),
            request.NonTaxable is { } entered
                ? new KoreaNonTaxableAllowances(KrwAmount.ToKrw(entered.Meals), KrwAmount.ToKrw(entered.CarAllowance), KrwAmount.ToKrw(entered.Childcare))
                : null,
            new Money(KrwAmount.ToKrw(request.PostTaxDeductions)));
    }

    public ILineInput InputOf(PayrollLine line)
    {
        var kr = (KoreaPayrollLine)line.Details;
        return new KoreaLineInput(kr.BasePay, kr.TaxableAllowances, kr.Bonus, kr.NonTaxable, line.PostTaxDeductions, kr.PremiumMonth);
    }

    public Result<PayrollLine> Compute(LineToCompute line)
    {
        var (index, employee, input, payDate, _, _) = line;
        var inputs = (KoreaLineInput)input;
        if (((KoreaEmployeeProfile)employee.TaxProfile).On(payDate) is not { } profile)
        {
            return KoreaRequestErrors.NoProfile(index, payDate);
        }

        var nonTaxable = inputs.NonTaxable ?? profile.MonthlyNonTaxable;
        var result = engine.Calculate(new KoreaWithholdingInput(
            payDate.Year, payDate.Month, payDate, inputs.BasePay + inputs.TaxableAllowances + inputs.Bonus, nonTaxable, profile.Dependents,
            profile.ChildrenAged8To20, profile.WithholdingRatio, inputs.PremiumMonth));
        if (!result.IsSuccess)
        {
            return Result<PayrollLine>.Failure(result.Errors.Select(e => e with { Field = $"lines[{index}].{(e.Field == "monthlyPay" ? "basePay" : e.Field)}" }));
        }

        var r = result.Value!;
        return new PayrollLine(
            index + 1,
            employee.Id,
            $"{employee.FirstName} {employee.LastName}",
            employee.SsnLast4,
            new Money(inputs.BasePay + inputs.TaxableAllowances + nonTaxable.Total),
            new Money(inputs.Bonus),
            inputs.PostTaxDeductions,
            profile.EffectiveDate,
            JsonSerializer.Serialize(r.Trace, TraceJson),
            new KoreaPayrollLine(
                inputs.BasePay, inputs.TaxableAllowances, inputs.Bonus, nonTaxable, profile.Dependents, profile.ChildrenAged8To20, profile.WithholdingRatio,
                r.TaxablePay, r.NonTaxablePay, r.NationalPension, r.HealthInsurance, r.LongTermCare, r.EmploymentInsurance, r.IncomeTax, r.LocalIncomeTax,
                inputs.PremiumMonth));
    }

    public void Describe(PayrollLine line, IDictionary<string, object?> members) =>
        members["kr"] = KoreaPayrollLineDto.From((KoreaPayrollLine)line.Details);

    public void DescribeTotals(IReadOnlyList<PayrollLine> lines, IDictionary<string, object?> totals, IDictionary<string, object?> payroll) =>
        payroll["krTotals"] = KoreaPayrollTotalsDto.From(lines);
}
