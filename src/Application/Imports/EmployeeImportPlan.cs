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
        while (_nextHire < _hires.Count && !HasProblems)
        {
            if (PlanNextHire() is { } hire)
            {
                yield return hire;
            }
        }
    }

    /// <summary>Plans the rows not planned yet and orders the rows and problems.</summary>
    public EmployeeImportPlan Complete()
    {
        while (_nextHire < _hires.Count)
        {
            PlanNextHire();
        }

        Rows = [.. _rows.OrderBy(r => r.Row)];
        Problems = [.. _problems.DistinctBy(p => (p.Row, p.Column, p.Code)).OrderBy(p => p.Row).ThenBy(_columnOrder)];
        return this;
    }

    private PlannedEmployee? PlanNextHire()
    {
        var rowProblems = new List<ImportProblem>();
        var hire = _hires[_nextHire++](rowProblems);
        _problems.AddRange(rowProblems);
        if (hire is null || rowProblems.Count > 0)
        {
            return null;
        }

        _rows.Add(hire);
        return hire;
    }
}
