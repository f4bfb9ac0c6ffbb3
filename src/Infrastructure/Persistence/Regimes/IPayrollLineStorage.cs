using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Regimes;

/// <summary>
/// Where a regime keeps its lines' figures (<see cref="PayrollLine.Details"/>): columns of <c>payroll_lines</c> it owns, a
/// table of its own, or a JSON document. The core writes and reads the line's own columns. See
/// docs/decisions/0014-regime-modules-and-their-storage.md.
/// </summary>
public interface IPayrollLineStorage : IRegimePart
{
    /// <summary>The columns of <c>payroll_lines</c> this regime owns.</summary>
    IReadOnlyList<string> OwnedColumns { get; }

    /// <summary>Their values for <paramref name="line"/> in <see cref="OwnedColumns"/> order, or the neutral values when it is another regime's line (null).</summary>
    IEnumerable<object?> OwnedValues(PayrollLine? line);

    /// <summary>The details of a payroll's lines, by line number: all of them, or only line <paramref name="lineNo"/>.</summary>
    Task<IReadOnlyDictionary<int, IPayrollLineDetails>> LoadAsync(Guid payrollId, int? lineNo, CancellationToken cancellationToken);

    /// <summary>Stores what <see cref="OwnedValues"/> did not (rows of the regime's own table), after the lines were inserted.</summary>
    Task SaveAsync(Guid payrollId, IReadOnlyList<PayrollLine> lines, LineRowWriter rows, CancellationToken cancellationToken);

    /// <summary>Removes the rows <see cref="SaveAsync"/> stored, before the lines are replaced.</summary>
    Task DeleteAsync(Guid payrollId, CancellationToken cancellationToken);

    /// <summary>The payroll list's extra totals: a member of <c>totals</c> and the SQL summed for it over <c>payroll_lines l</c>.</summary>
    IReadOnlyList<KeyValuePair<string, string>> TotalsSums { get; }

    /// <summary>The register's money columns as a SELECT list over <c>payroll_lines l</c> (and the join), in the regime's register order.</summary>
    string RegisterAmounts { get; }

    /// <summary>The SQL of the regime's register text cells (after the amounts), in the order of its register's text columns; none by default.</summary>
    string RegisterTexts => string.Empty;

    /// <summary>A join the register's amounts need (<c>JOIN my_table k ON ...</c>), or empty.</summary>
    string RegisterJoin { get; }
}
