using System.Buffers;
using System.Text;
using System.Text.Json;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Application.Withholding.Korea;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Computes a payroll's lines: each employee's W-4 in effect on the pay date, year-to-date wages from approved payrolls,
/// and the regime's calculation. The same inputs always give the same lines, which is what approval checks.
/// </summary>
public sealed class PayrollCalculator(IEmployeeRepository employees, IPayrollRepository payrolls, WithholdingRegimeRegistry regimes)
{
    /// <summary>A stored payroll's regime, read from its lines (the company's regime never changes).</summary>
    public static string RegimeOf(Payroll payroll) => payroll.IsKorea ? KoreaRegime.RegimeCode : UsFederalRegime.RegimeCode;

    /// <param name="regimeCode">The company's regime code; it decides the line shape and the rules.</param>
    public async Task<Result<IReadOnlyList<PayrollLine>>> ComputeAsync(
        Guid companyId, Guid payrollId, DateOnly periodStart, DateOnly payDate, PayFrequency frequency, IReadOnlyList<PayrollLineRequest> requests,
        CancellationToken cancellationToken, string regimeCode = UsFederalRegime.RegimeCode)
    {
        if (regimeCode == KoreaRegime.RegimeCode)
        {
            return await ComputeKoreaAsync(companyId, periodStart, payDate, frequency, requests, cancellationToken);
        }

        var regime = regimes.Get<UsFederalRegime>(UsFederalRegime.RegimeCode);
        if (!regime.HasTaxYear(payDate.Year))
        {
            var unavailable = UsFederalErrors.TaxYearUnavailable(payDate.Year, regime.TaxYears);
            return Error.Validation(unavailable.Code, unavailable.Message, "payDate");
        }

        var ids = requests.Select(r => r.EmployeeId!.Value).ToArray();
        var people = await employees.GetManyAsync(companyId, ids, cancellationToken);
        var ytd = await payrolls.GetYearToDateAsync(companyId, payDate.Year, payDate, ids, payrollId, cancellationToken);

        var errors = new List<Error>();
        var lines = new List<PayrollLine>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (!people.TryGetValue(request.EmployeeId!.Value, out var employee))
            {
                errors.Add(PayrollErrors.UnknownEmployee(i));
                continue;
            }

            if (employee.IsTerminatedBefore(periodStart))
            {
                errors.Add(PayrollErrors.TerminatedEmployee(i, employee.TerminationDate!.Value));
                continue;
            }

            if (request.IsKoreaShaped)
            {
                errors.Add(Error.Validation(
                    "payroll.regime_mismatch", "A us-federal line takes grossWages, supplementalWages and US deductions, not kr pay items.", $"lines[{i}].basePay"));
                continue;
            }

            if (employee.W4On(payDate) is not { } w4)
            {
                errors.Add(PayrollErrors.NoW4(i, payDate));
                continue;
            }

            var line = Compute(regime, i, employee, w4, request, payDate, frequency, ytd.GetValueOrDefault(employee.Id));
            if (line.IsSuccess)
            {
                lines.Add(line.Value!);
            }
            else
            {
                errors.AddRange(line.Errors);
            }
        }

        return errors.Count > 0 ? Result<IReadOnlyList<PayrollLine>>.Failure(errors) : lines;
    }

    private static Result<PayrollLine> Compute(
        UsFederalRegime regime, int index, Employee employee, EmployeeW4 w4, PayrollLineRequest request, DateOnly payDate, PayFrequency frequency, YearToDate? ytd)
    {
        var deductions = request.PreTaxDeductions;
        var inputs = new PayrollLineInputs(
            Money.FromDecimal(request.GrossWages ?? 0m),
            Money.FromDecimal(request.SupplementalWages ?? 0m),
            Money.FromDecimal(deductions?.Retirement ?? 0m),
            Money.FromDecimal(deductions?.Cafeteria ?? 0m),
            Money.FromDecimal(deductions?.Hsa ?? 0m),
            Money.FromDecimal(request.PostTaxDeductions ?? 0m));

        var form = employee.Exempt ? w4.Form with { Exempt = true } : w4.Form;
        var input = new UsFederalWithholdingInput(
            payDate.Year,
            frequency,
            inputs.GrossWages.Amount,
            form,
            inputs.SupplementalWages.Amount,
            new PreTaxDeductions(inputs.Retirement.Amount, inputs.Cafeteria.Amount, inputs.Hsa.Amount),
            new YearToDateWages(ytd?.SocialSecurityWages.Amount ?? 0m, ytd?.MedicareWages.Amount ?? 0m, ytd?.SupplementalWages.Amount ?? 0m));

        var result = regime.Calculate(input);
        if (!result.IsSuccess)
        {
            return Result<PayrollLine>.Failure(result.Errors.Select(e => e with { Field = $"lines[{index}].{LineField(e.Field)}" }));
        }

        var r = result.Value!;
        var line = new PayrollLine(
            index + 1,
            employee.Id,
            $"{employee.FirstName} {employee.LastName}",
            employee.SsnLast4,
            inputs,
            new LineTaxableWages(
                Money.FromDecimal(r.TaxableWages.FederalIncomeTax),
                Money.FromDecimal(r.TaxableWages.SocialSecurity),
                Money.FromDecimal(r.TaxableWages.Medicare),
                Money.FromDecimal(r.TaxableWages.AdditionalMedicare)),
            new LineWithholdings(
                Money.FromDecimal(r.FederalIncomeTax),
                Money.FromDecimal(r.SocialSecurity),
                Money.FromDecimal(r.Medicare),
                Money.FromDecimal(r.AdditionalMedicare)),
            new LineEmployerTaxes(Money.FromDecimal(r.EmployerSocialSecurity), Money.FromDecimal(r.EmployerMedicare)),
            w4.EffectiveDate,
            TraceJson(r.Trace));

        return line.NetPay.Cents < 0 ? PayrollErrors.NegativeNetPay(index) : line;
    }

    private async Task<Result<IReadOnlyList<PayrollLine>>> ComputeKoreaAsync(
        Guid companyId, DateOnly periodStart, DateOnly payDate, PayFrequency frequency, IReadOnlyList<PayrollLineRequest> requests,
        CancellationToken cancellationToken)
    {
        var regime = regimes.Get<KoreaRegime>(KoreaRegime.RegimeCode);
        if (KoreaPayrollLines.CheckPayroll(regime, payDate, frequency) is { } invalid)
        {
            return invalid;
        }

        var people = await employees.GetManyAsync(companyId, requests.Select(r => r.EmployeeId!.Value).ToArray(), cancellationToken);
        var errors = new List<Error>();
        var lines = new List<PayrollLine>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            if (!people.TryGetValue(requests[i].EmployeeId!.Value, out var employee))
            {
                errors.Add(PayrollErrors.UnknownEmployee(i));
                continue;
            }

            if (employee.IsTerminatedBefore(periodStart))
            {
                errors.Add(PayrollErrors.TerminatedEmployee(i, employee.TerminationDate!.Value));
                continue;
            }

            var line = KoreaPayrollLines.Compute(regime, i, employee, requests[i], payDate);
            if (line.IsSuccess)
            {
                lines.Add(line.Value!);
            }
            else
            {
                errors.AddRange(line.Errors);
            }
        }

        return errors.Count > 0 ? Result<IReadOnlyList<PayrollLine>>.Failure(errors) : lines;
    }

    /// <summary>The worksheet lines as a JSON object, written directly: this runs once per line of a payroll.</summary>
    private static string TraceJson(UsWorksheetTrace trace)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (line, value) in trace.Lines())
            {
                writer.WriteNumber(line, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The regime names fields as the preview request does; on a payroll line the same inputs sit at these paths.</summary>
    private static string LineField(string? field) => field switch
    {
        null => "grossWages",
        _ when field.StartsWith("preTaxDeductions", StringComparison.Ordinal) => field,
        "grossWages" or "supplementalWages" => field,
        _ => "employeeId",
    };
}
