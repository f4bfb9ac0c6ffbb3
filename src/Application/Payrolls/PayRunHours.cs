using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// A run's hours rows, matched to its employees a page at a time (a run never loads the whole schedule at once). Each row
/// names an employee by id or by number; a row whose employee is on no page is unknown, and an hourly employee without a row
/// is missing. The errors come out in row order, every bad row at once.
/// </summary>
internal sealed class PayRunHours
{
    // Within a row: who it names, then its figures, then how it fits the employee, as a reader checks a row.
    private const int NamingError = 0;
    private const int FigureError = 1;
    private const int MatchError = 2;

    private readonly IReadOnlyList<HoursRow?> _rows;
    private readonly Dictionary<Guid, List<int>> _byId = [];
    private readonly Dictionary<string, List<int>> _byNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool[] _matched;
    private readonly List<(int Row, int Kind, Error Error)> _errors = [];
    private readonly List<string> _missing = [];

    public PayRunHours(IReadOnlyList<HoursRow?> rows, SchedulePeriod period)
    {
        _rows = rows;
        _matched = new bool[rows.Count];
        var max = 24m * period.Days;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i]!;
            if (row.EmployeeId is null == string.IsNullOrWhiteSpace(row.EmployeeNumber))
            {
                _errors.Add((i, NamingError, PayRunErrors.HoursEmployeeRequired(Label(i))));
                _matched[i] = true; // nothing to match: reported above
            }
            else if (row.EmployeeId is { } id)
            {
                Index(_byId, id, i);
            }
            else
            {
                Index(_byNumber, row.EmployeeNumber!.Trim(), i);
            }

            Check(i, row.RegularHours ?? 0, "regularHours", max);
            Check(i, row.OvertimeHours ?? 0, "overtimeHours", max);
        }
    }

    /// <summary>Whether a row is wrong or an hourly employee has none so far; unknown employees are known only at <see cref="Finish"/>.</summary>
    public bool HasErrors => _errors.Count > 0 || _missing.Count > 0;

    /// <summary>The employee's name as errors show it: with the employee number, or the id when there is none.</summary>
    public static string NameOf(Employee e) =>
        e.EmployeeNumber is { } number ? $"{e.FirstName} {e.LastName} ({number})" : $"{e.FirstName} {e.LastName} ({e.Id})";

    /// <summary>The hours of a page's hourly employees; rows for salaried ones, second rows and missing hours are recorded as errors.</summary>
    public Dictionary<Guid, RunHours> Match(IReadOnlyList<Employee> page, IReadOnlyDictionary<Guid, ICompensationTerms> terms)
    {
        var hours = new Dictionary<Guid, RunHours>();
        foreach (var employee in page)
        {
            var rows = _byId.GetValueOrDefault(employee.Id) ?? [];
            if (employee.EmployeeNumber is { } number && _byNumber.TryGetValue(number, out var byNumber))
            {
                rows = [.. rows.Concat(byNumber).Order()];
            }

            var paid = terms.TryGetValue(employee.Id, out var term);
            foreach (var i in rows)
            {
                _matched[i] = true;
                if (!paid)
                {
                    continue; // the run reports the missing pay record instead
                }

                if (!term!.IsHourly)
                {
                    _errors.Add((i, MatchError, PayRunErrors.HoursNotHourly(Label(i))));
                }
                else if (!hours.TryAdd(employee.Id, new RunHours(_rows[i]!.RegularHours ?? 0, _rows[i]!.OvertimeHours ?? 0)))
                {
                    _errors.Add((i, MatchError, PayRunErrors.HoursDuplicate(Label(i))));
                }
            }

            if (paid && term!.IsHourly && !hours.ContainsKey(employee.Id))
            {
                _missing.Add(NameOf(employee));
            }
        }

        return hours;
    }

    /// <summary>Every error, in row order, once every page was matched; the hourly employees without hours come last.</summary>
    public IReadOnlyList<Error> Finish()
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            if (!_matched[i])
            {
                _errors.Add((i, NamingError, PayRunErrors.HoursUnknownEmployee(Label(i), _rows[i]!.EmployeeId is null ? "employeeNumber" : "employeeId")));
            }
        }

        var errors = _errors.OrderBy(e => e.Row).ThenBy(e => e.Kind).Select(e => e.Error).ToList();
        if (_missing.Count > 0)
        {
            errors.Add(PayRunErrors.HoursMissing(_missing));
        }

        return errors;
    }

    private static void Index<TKey>(Dictionary<TKey, List<int>> index, TKey key, int row)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var rows))
        {
            index[key] = rows = [];
        }

        rows.Add(row);
    }

    private string Label(int i) => _rows[i]!.Label ?? $"hours[{i}]";

    private void Check(int i, decimal value, string field, decimal max)
    {
        if (value < 0 || value > max || decimal.Round(value, 2) != value)
        {
            _errors.Add((i, FigureError, PayRunErrors.HoursOutOfRange(Label(i), field, max)));
        }
    }
}
