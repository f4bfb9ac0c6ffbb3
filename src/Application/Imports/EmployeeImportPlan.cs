namespace PayrollPortal.Application.Imports;

/// <summary>
/// Every row's write and every problem found; an import stores the writes only when there is no problem. Updates are
/// planned when the plan is made (they read the employee's history); new employees are planned as <see cref="Hires"/> is
/// read, so that an import can store each while the next is planned (ADR 0019). <see cref="Complete"/> plans whatever is
/// left; <see cref="Rows"/> and <see cref="Problems"/> are whole after it. One reader at a time.
/// </summary>
public sealed class EmployeeImportPlan
{
    private readonly List<PlannedEmployee> _rows;
    private readonly List<ImportProblem> _problems;
    private readonly IReadOnlyList<Func<List<ImportProblem>, PlannedEmployee?>> _hires;
    private readonly Func<ImportProblem, int> _columnOrder;
    private int _nextHire;

    public EmployeeImportPlan(
        List<PlannedEmployee> updates, List<ImportProblem> problems, IReadOnlyList<Func<List<ImportProblem>, PlannedEmployee?>> hires,
        Func<ImportProblem, int> columnOrder)
    {
        _rows = updates;
        _problems = problems;
        _hires = hires;
        _columnOrder = columnOrder;
    }

    /// <summary>An empty plan, for a file refused before its rows are read.</summary>
    public static EmployeeImportPlan Refused(List<ImportProblem> problems) => new EmployeeImportPlan([], problems, [], _ => 0).Complete();

    public bool HasProblems => _problems.Count > 0;

    /// <summary>The planned rows, in file order, once complete.</summary>
    public IReadOnlyList<PlannedEmployee> Rows { get; private set; } = [];

    /// <summary>One problem per cell and code, in row and column order, once complete, so a fix shows where it is needed once.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    /// <summary>New employees, each planned as it is taken, until a row has a problem: whatever was taken is then not to be kept.</summary>
    public IEnumerable<PlannedEmployee> Hires()
    {
        foreach (var hire in PlanRemainingHires())
        {
            if (HasProblems)
            {
                yield break;
            }

            if (hire is not null)
            {
                yield return hire;
            }
        }
    }

    /// <summary>Plans the rows not planned yet and orders the rows and problems.</summary>
    public EmployeeImportPlan Complete()
    {
        foreach (var _ in PlanRemainingHires())
        {
        }

        Rows = [.. _rows.OrderBy(r => r.Row)];
        Problems = [.. _problems.DistinctBy(p => (p.Row, p.Column, p.Code)).OrderBy(p => p.Row).ThenBy(_columnOrder)];
        return this;
    }

    /// <summary>
    /// The hires not planned yet, in file order, each with its problems recorded. Rows are independent, so they are planned
    /// on every core, in order, a little ahead of the reader (ADR 0019); a reader that stops early leaves the rest to be
    /// planned again by the next call.
    /// </summary>
    private IEnumerable<PlannedEmployee?> PlanRemainingHires()
    {
        var planned = _hires.Skip(_nextHire).AsParallel().AsOrdered().Select(plan =>
        {
            var rowProblems = new List<ImportProblem>();
            return (Hire: plan(rowProblems), Problems: rowProblems);
        });
        foreach (var (hire, rowProblems) in planned)
        {
            _nextHire++;
            _problems.AddRange(rowProblems);
            var kept = hire is not null && rowProblems.Count == 0 ? hire : null;
            if (kept is not null)
            {
                _rows.Add(kept);
            }

            yield return kept;
        }
    }
}
