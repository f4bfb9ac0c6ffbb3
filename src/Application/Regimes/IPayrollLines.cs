using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Regimes;

/// <summary>
/// A regime's payroll lines: which fields a line takes, how a line is computed from the employee's profile, the period and
/// year-to-date figures, and how its details and totals show in the API.
/// </summary>
public interface IPayrollLines : IRegimePart
{
    /// <summary>The currency of the regime's amounts; a company on the regime pays in it.</summary>
    Currency Currency { get; }

    /// <summary>Rules on the payroll as a whole (a pay frequency the regime allows, tables for the pay date's year).</summary>
    Error? CheckPayroll(DateOnly payDate, PayFrequency frequency);

    /// <summary>Reads and validates one line's regime fields; errors name <c>lines[index].field</c>.</summary>
    Result<ILineInput> Read(RegimeFields fields, int index);

    /// <summary>The input a stored line was computed from, so approval can recompute it.</summary>
    ILineInput InputOf(PayrollLine line);

    Result<PayrollLine> Compute(LineToCompute line);

    /// <summary>The line's regime members as the API shows them, beside the core members.</summary>
    void Describe(PayrollLine line, IDictionary<string, object?> members);

    /// <summary>The regime's sums: members of the payroll's <c>totals</c>, and members of the payroll itself.</summary>
    void DescribeTotals(IReadOnlyList<PayrollLine> lines, IDictionary<string, object?> totals, IDictionary<string, object?> payroll);
}
