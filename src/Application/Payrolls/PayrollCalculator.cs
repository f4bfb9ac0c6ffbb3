using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Computes a payroll's lines through the company's regime: the regime reads each line's fields, the employees and the
/// regime's year-to-date figures are loaded once, and the regime computes each line from the employee's profile. The same
/// inputs always give the same lines, which is what approval checks.
/// </summary>
public sealed class PayrollCalculator(IEmployeeRepository employees, RegimeParts<IPayrollLines> regimes, RegimeParts<IYearToDateSource> yearToDate)
{
    /// <summary>Computes lines from a request's lines.</summary>
    /// <param name="periodEnd">When known, a line for an employee hired after it is refused.</param>
    public Task<Result<IReadOnlyList<PayrollLine>>> ComputeAsync(
        string regime, Guid companyId, Guid payrollId, DateOnly periodStart, DateOnly? periodEnd, DateOnly payDate, PayFrequency frequency,
        IReadOnlyList<PayrollLineRequest> requests, CancellationToken cancellationToken)
    {
        var lines = regimes.For(regime);
        return ComputeAsync(
            lines, companyId, payrollId, periodStart, periodEnd, payDate, frequency,
            [.. requests.Select((r, i) => (r.EmployeeId!.Value, lines.Read(r.RegimeFields, i)))], null, cancellationToken);
    }

    /// <summary>
    /// Computes lines from inputs a run generated, for employees it already loaded: a page of the run whose first line is
    /// <paramref name="firstIndex"/> (lines and errors are numbered in the whole payroll).
    /// </summary>
    public Task<Result<IReadOnlyList<PayrollLine>>> ComputeAsync(
        IPayrollLines regime, Guid companyId, DateOnly periodStart, DateOnly periodEnd, DateOnly payDate, PayFrequency frequency,
        IReadOnlyList<(Guid EmployeeId, Result<ILineInput> Input)> inputs, IReadOnlyDictionary<Guid, Employee> employees, int firstIndex,
        CancellationToken cancellationToken) =>
        ComputeAsync(regime, companyId, Guid.Empty, periodStart, periodEnd, payDate, frequency, inputs, employees, cancellationToken, firstIndex);

    /// <summary>Computes a stored payroll's lines from changed inputs (one-off amounts copied onto a draft, say).</summary>
    public Task<Result<IReadOnlyList<PayrollLine>>> ComputeAsync(
        IPayrollLines regime, Guid companyId, Guid payrollId, DateOnly periodStart, DateOnly periodEnd, DateOnly payDate, PayFrequency frequency,
        IReadOnlyList<(Guid EmployeeId, Result<ILineInput> Input)> inputs, CancellationToken cancellationToken) =>
        ComputeAsync(regime, companyId, payrollId, periodStart, periodEnd, payDate, frequency, inputs, null, cancellationToken);

    /// <summary>Recomputes a stored payroll's lines from their stored inputs, with today's year-to-date figures.</summary>
    public Task<Result<IReadOnlyList<PayrollLine>>> RecomputeAsync(Payroll payroll, CancellationToken cancellationToken)
    {
        var lines = regimes.For(payroll.Regime);
        return ComputeAsync(
            lines, payroll.CompanyId, payroll.Id, payroll.PeriodStart, payroll.PeriodEnd, payroll.PayDate, payroll.PayFrequency,
            [.. payroll.Lines.Select(l => (l.EmployeeId, Result<ILineInput>.Success(lines.InputOf(l))))], null, cancellationToken);
    }

    private async Task<Result<IReadOnlyList<PayrollLine>>> ComputeAsync(
        IPayrollLines regime, Guid companyId, Guid payrollId, DateOnly periodStart, DateOnly? periodEnd, DateOnly payDate, PayFrequency frequency,
        IReadOnlyList<(Guid EmployeeId, Result<ILineInput> Input)> requests, IReadOnlyDictionary<Guid, Employee>? loaded,
        CancellationToken cancellationToken, int firstIndex = 0)
    {
        if (regime.CheckPayroll(payDate, frequency) is { } invalid)
        {
            return invalid;
        }

        var ids = requests.Select(r => r.EmployeeId).ToArray();
        var people = loaded ?? await employees.GetManyAsync(companyId, ids, cancellationToken);
        var figures = yearToDate.Find(regime.Regime) is { } source
            ? await source.LoadAsync(companyId, payDate.Year, payDate, ids, payrollId, cancellationToken)
            : null;

        var errors = new List<Error>();
        var lines = new List<PayrollLine>(requests.Count);
        for (var n = 0; n < requests.Count; n++)
        {
            var i = firstIndex + n;
            var (employeeId, input) = requests[n];
            if (!people.TryGetValue(employeeId, out var employee))
            {
                errors.Add(PayrollErrors.UnknownEmployee(i));
                continue;
            }

            if (employee.IsTerminatedBefore(periodStart))
            {
                errors.Add(PayrollErrors.TerminatedEmployee(i, employee.TerminationDate!.Value));
                continue;
            }

            if (periodEnd is { } end && employee.HireDate > end)
            {
                errors.Add(PayrollErrors.NotYetHired(i, employee.HireDate));
                continue;
            }

            if (!input.IsSuccess)
            {
                errors.AddRange(input.Errors);
                continue;
            }

            var line = regime.Compute(new LineToCompute(i, employee, input.Value!, payDate, frequency, figures?.GetValueOrDefault(employeeId)));
            if (!line.IsSuccess)
            {
                errors.AddRange(line.Errors);
            }
            else if (line.Value!.NetPay.Cents < 0)
            {
                errors.Add(PayrollErrors.NegativeNetPay(i));
            }
            else
            {
                lines.Add(line.Value);
            }
        }

        return errors.Count > 0 ? Result<IReadOnlyList<PayrollLine>>.Failure(errors) : lines;
    }
}
