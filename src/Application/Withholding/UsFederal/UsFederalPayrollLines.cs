using System.Buffers;
using System.Text;
using System.Text.Json;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// us-federal payroll lines: each employee's W-4 in effect on the pay date (exempt when the employee claims it), year-to-date
/// Social Security, Medicare and supplemental wages from approved payrolls, and Pub 15-T's percentage method with FICA; then
/// the income tax of the work state in effect on the pay date, when the employee has one.
/// </summary>
public sealed class UsFederalPayrollLines(UsFederalRegime engine, StateWithholdingEngine states) : IPayrollLines
{
    private static readonly UsFederalLineRequest.Validator Rules = new();

    public string Regime => UsFederalRegime.RegimeCode;

    public Currency Currency => Currency.Usd;

    public Error? CheckPayroll(DateOnly payDate, PayFrequency frequency)
    {
        if (engine.HasTaxYear(payDate.Year))
        {
            return null;
        }

        var unavailable = UsFederalErrors.TaxYearUnavailable(payDate.Year, engine.TaxYears);
        return Error.Validation(unavailable.Code, unavailable.Message, "payDate");
    }

    public Result<ILineInput> Read(RegimeFields fields, int index)
    {
        var read = fields.Read($"lines[{index}].", UsFederalRequestErrors.NotALineField, Rules);
        if (!read.IsSuccess)
        {
            return Result<ILineInput>.Failure(read.Errors);
        }

        var request = read.Value!;
        var deductions = request.PreTaxDeductions;
        return new UsFederalLineInput(
            Money.FromDecimal(request.GrossWages ?? 0m),
            Money.FromDecimal(request.SupplementalWages ?? 0m),
            Money.FromDecimal(deductions?.Retirement ?? 0m),
            Money.FromDecimal(deductions?.Cafeteria ?? 0m),
            Money.FromDecimal(deductions?.Hsa ?? 0m),
            Money.FromDecimal(request.PostTaxDeductions ?? 0m));
    }

    public ILineInput InputOf(PayrollLine line)
    {
        var us = (UsPayrollLine)line.Details;
        return new UsFederalLineInput(line.GrossWages, line.SupplementalWages, us.Retirement, us.Cafeteria, us.Hsa, line.PostTaxDeductions);
    }

    public Result<PayrollLine> Compute(LineToCompute line)
    {
        var (index, employee, input, payDate, frequency, figures) = line;
        var inputs = (UsFederalLineInput)input;
        var profile = (UsFederalProfile)employee.TaxProfile;
        if (profile.W4On(payDate) is not { } w4)
        {
            return UsFederalRequestErrors.NoW4(index, payDate);
        }

        var ytd = figures as YearToDate;
        var form = profile.Exempt ? w4.Form with { Exempt = true } : w4.Form;
        var result = engine.Calculate(new UsFederalWithholdingInput(
            payDate.Year,
            frequency,
            inputs.GrossWages.Amount,
            form,
            inputs.SupplementalWages.Amount,
            new PreTaxDeductions(inputs.Retirement.Amount, inputs.Cafeteria.Amount, inputs.Hsa.Amount),
            new YearToDateWages(ytd?.SocialSecurityWages.Amount ?? 0m, ytd?.MedicareWages.Amount ?? 0m, ytd?.SupplementalWages.Amount ?? 0m)));
        if (!result.IsSuccess)
        {
            return Result<PayrollLine>.Failure(result.Errors.Select(e => e with { Field = $"lines[{index}].{LineField(e.Field)}" }));
        }

        var r = result.Value!;
        UsLineState? state = null;
        if (profile.StateOn(payDate) is { WorkState: { } workState } entry)
        {
            // AL and OR subtract this line's federal income tax, MA its FICA: the same figures the line withholds. MA's
            // yearly cap counts the FICA withheld so far this year (the employee's whole year in the state).
            var stateResult = states.Calculate(new StateWithholdingInput(
                workState,
                payDate,
                frequency,
                inputs.GrossWages.Amount,
                entry.Certificate,
                inputs.SupplementalWages.Amount,
                new PreTaxDeductions(inputs.Retirement.Amount, inputs.Cafeteria.Amount, inputs.Hsa.Amount),
                r.FederalIncomeTax,
                r.SocialSecurity + r.Medicare + r.AdditionalMedicare,
                ytd?.FicaWithheld.Amount ?? 0m));
            if (!stateResult.IsSuccess)
            {
                return Result<PayrollLine>.Failure(stateResult.Errors.Select(e => e with
                {
                    Field = e.Field == "payDate" ? "payDate" : $"lines[{index}].employeeId",
                    Message = $"{workState}: {e.Message}",
                }));
            }

            state = new UsLineState(workState, Money.FromDecimal(stateResult.Value!.TaxableWages), Money.FromDecimal(stateResult.Value.IncomeTax));
        }

        return new PayrollLine(
            index + 1,
            employee.Id,
            $"{employee.FirstName} {employee.LastName}",
            employee.SsnLast4,
            inputs.GrossWages,
            inputs.SupplementalWages,
            inputs.PostTaxDeductions,
            w4.EffectiveDate,
            TraceJson(r.Trace),
            new UsPayrollLine(
                inputs.Retirement,
                inputs.Cafeteria,
                inputs.Hsa,
                new UsLineTaxableWages(
                    Money.FromDecimal(r.TaxableWages.FederalIncomeTax),
                    Money.FromDecimal(r.TaxableWages.SocialSecurity),
                    Money.FromDecimal(r.TaxableWages.Medicare),
                    Money.FromDecimal(r.TaxableWages.AdditionalMedicare)),
                new UsLineWithholdings(
                    Money.FromDecimal(r.FederalIncomeTax),
                    Money.FromDecimal(r.SocialSecurity),
                    Money.FromDecimal(r.Medicare),
                    Money.FromDecimal(r.AdditionalMedicare)),
                new UsLineEmployerTaxes(Money.FromDecimal(r.EmployerSocialSecurity), Money.FromDecimal(r.EmployerMedicare)),
                state));
    }

    public void Describe(PayrollLine line, IDictionary<string, object?> members)
    {
        var us = (UsPayrollLine)line.Details;
        members["preTaxDeductions"] = new WithholdingPreTaxDeductions(us.Retirement.Amount, us.Cafeteria.Amount, us.Hsa.Amount);
        members["taxableWages"] = new LineTaxableWagesDto(
            us.TaxableWages.FederalIncomeTax.Amount, us.TaxableWages.SocialSecurity.Amount, us.TaxableWages.Medicare.Amount,
            us.TaxableWages.AdditionalMedicare.Amount);
        members["withholdings"] = new LineWithholdingsDto(
            us.Withholdings.FederalIncomeTax.Amount, us.Withholdings.SocialSecurity.Amount, us.Withholdings.Medicare.Amount,
            us.Withholdings.AdditionalMedicare.Amount);
        members["employerTaxes"] = new EmployerTaxesDto(us.EmployerTaxes.SocialSecurity.Amount, us.EmployerTaxes.Medicare.Amount);
        members["w4EffectiveDate"] = line.ProfileEffectiveDate;
        members["stateJurisdiction"] = us.State?.Jurisdiction;
        members["stateIncomeTax"] = (us.State?.IncomeTax ?? Money.Zero).Amount;
    }

    public void DescribeTotals(IReadOnlyList<PayrollLine> lines, IDictionary<string, object?> totals, IDictionary<string, object?> payroll)
    {
        decimal Sum(Func<UsPayrollLine, Money> pick) => lines.Aggregate(Money.Zero, (total, line) => total + pick((UsPayrollLine)line.Details)).Amount;
        totals["preTaxDeductions"] = Sum(l => l.PreTaxDeductions);
        totals["federalIncomeTax"] = Sum(l => l.Withholdings.FederalIncomeTax);
        totals["socialSecurity"] = Sum(l => l.Withholdings.SocialSecurity);
        totals["medicare"] = Sum(l => l.Withholdings.Medicare);
        totals["additionalMedicare"] = Sum(l => l.Withholdings.AdditionalMedicare);
        totals["employerSocialSecurity"] = Sum(l => l.EmployerTaxes.SocialSecurity);
        totals["employerMedicare"] = Sum(l => l.EmployerTaxes.Medicare);
        totals["stateIncomeTax"] = Sum(l => l.State?.IncomeTax ?? Money.Zero);
    }

    // One buffer and writer per thread, reused line after line: a fresh pair per line was a fifth of a 5,000-line post's
    // allocation (bench/README.md "Payrolls"). Nothing awaits between Reset and the string, so a thread's pair is never shared.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _trace;

    /// <summary>The worksheet lines as a JSON object, written directly: this runs once per line of a payroll.</summary>
    private static string TraceJson(UsWorksheetTrace trace)
    {
        var (buffer, writer) = _trace ??= (new ArrayBufferWriter<byte>(1024), new Utf8JsonWriter(Stream.Null));
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        var lines = trace.Lines();
        for (var i = 0; i < lines.Count; i++)
        {
            writer.WriteNumber(lines[i].Key, lines[i].Value);
        }

        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The engine names fields as the preview request does; on a payroll line the same inputs sit at these paths.</summary>
    private static string LineField(string? field) => field switch
    {
        null => "grossWages",
        _ when field.StartsWith("preTaxDeductions", StringComparison.Ordinal) => field,
        "grossWages" or "supplementalWages" => field,
        _ => "employeeId",
    };
}
