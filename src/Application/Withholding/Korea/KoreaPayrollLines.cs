using System.Text.Json;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// Computes kr payroll lines: monthly, each employee's kr profile in effect on the pay date, the line's pay in whole KRW.
/// Taxable pay is base pay + taxable allowances + bonus (the month's bonus is withheld with the month's pay; the 상여
/// 지급대상기간 method is not offered), plus whatever non-taxable allowance exceeds its limit.
/// </summary>
public static class KoreaPayrollLines
{
    private static readonly JsonSerializerOptions TraceJson = new(JsonSerializerDefaults.Web);

    public static Error? CheckPayroll(KoreaRegime regime, DateOnly payDate, PayFrequency frequency)
    {
        if (frequency != PayFrequency.Monthly)
        {
            return Error.Validation("payroll.kr_monthly_only", "A kr payroll is monthly: payFrequency must be \"monthly\".", "payFrequency");
        }

        var probe = new KoreaWithholdingInput(payDate.Year, payDate.Month, payDate, 0, KoreaNonTaxableAllowances.None, 1, 0, 100);
        return regime.Validate(probe) is [var error, ..] ? error with { Field = "payDate" } : null;
    }

    public static Result<PayrollLine> Compute(KoreaRegime regime, int index, Employee employee, PayrollLineRequest request, DateOnly payDate)
    {
        if (request.GrossWages is not null || request.SupplementalWages is not null || request.PreTaxDeductions is not null)
        {
            return Error.Validation(
                "payroll.regime_mismatch", "A kr line takes basePay, taxableAllowances, bonus and nonTaxable, not grossWages or US deductions.",
                $"lines[{index}].grossWages");
        }

        if (employee.KoreaProfileOn(payDate) is not { } profile)
        {
            return Error.Validation(
                "payroll.no_kr_profile", $"The employee has no kr withholding profile in effect on the pay date {payDate:yyyy-MM-dd}.", $"lines[{index}].employeeId");
        }

        var nonTaxable = request.NonTaxable is { } entered
            ? new KoreaNonTaxableAllowances(KrwAmount.ToKrw(entered.Meals), KrwAmount.ToKrw(entered.CarAllowance), KrwAmount.ToKrw(entered.Childcare))
            : profile.MonthlyNonTaxable;
        var basePay = KrwAmount.ToKrw(request.BasePay);
        var taxableAllowances = KrwAmount.ToKrw(request.TaxableAllowances);
        var bonus = KrwAmount.ToKrw(request.Bonus);
        var input = new KoreaWithholdingInput(
            payDate.Year, payDate.Month, payDate, basePay + taxableAllowances + bonus, nonTaxable, profile.Dependents, profile.ChildrenAged8To20,
            profile.WithholdingRatio);

        var result = regime.Calculate(input);
        if (!result.IsSuccess)
        {
            return Result<PayrollLine>.Failure(result.Errors.Select(e => e with { Field = $"lines[{index}].{(e.Field == "monthlyPay" ? "basePay" : e.Field)}" }));
        }

        var r = result.Value!;
        var korea = new KoreaPayrollLine(
            basePay, taxableAllowances, bonus, nonTaxable, profile.Dependents, profile.ChildrenAged8To20, profile.WithholdingRatio, r.TaxablePay,
            r.NonTaxablePay, r.NationalPension, r.HealthInsurance, r.LongTermCare, r.EmploymentInsurance, r.IncomeTax, r.LocalIncomeTax);
        var postTax = new Money(KrwAmount.ToKrw(request.PostTaxDeductions));
        var line = new PayrollLine(
            index + 1,
            employee.Id,
            $"{employee.FirstName} {employee.LastName}",
            employee.SsnLast4,
            new PayrollLineInputs(new Money(basePay + taxableAllowances + nonTaxable.Total), new Money(bonus), Money.Zero, Money.Zero, Money.Zero, postTax),
            new LineTaxableWages(Money.Zero, Money.Zero, Money.Zero, Money.Zero),
            new LineWithholdings(Money.Zero, Money.Zero, Money.Zero, Money.Zero),
            new LineEmployerTaxes(Money.Zero, Money.Zero),
            profile.EffectiveDate,
            JsonSerializer.Serialize(r.Trace, TraceJson),
            korea);
        return line.NetPay.Cents < 0 ? PayrollErrors.NegativeNetPay(index) : line;
    }
}
