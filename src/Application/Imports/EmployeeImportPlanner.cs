using System.Globalization;
using System.Text.Json;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Imports;

/// <summary>
/// Reads an employee import file row by row into writes, storing nothing: the dry run answers with the plan, the import stores
/// it when it has no problem. Each row meets the rules of a hire or an update over the API (the same validators and the
/// regime's same profile and compensation readers), and the import's own: duplicates inside the file, a row whose number
/// and identifier name two different employees, text that a spreadsheet would run as a formula.
/// </summary>
public sealed class EmployeeImportPlanner(
    IEmployeeKeys keys, IEmployeeRepository employees, IPaySchedules schedules, ICompensationHistory history,
    RegimeParts<IEmployeeProfiles> profiles, RegimeParts<IPayRuns> payRuns, IPiiProtector pii, TimeProvider clock)
{
    private static readonly CreateEmployee.Validator EmployeeRules = new();
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@＝＋－＠");

    public async Task<EmployeeImportPlan> PlanAsync(Guid companyId, string regimeCode, IEmployeeImports regime, ImportTable table, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>(table.Problems);
        var columns = EmployeeImportColumns.For(regime);
        var index = ReadHeader(table.Header, columns, regime, problems);
        if (problems.Any(p => p.Row == 1))
        {
            return new EmployeeImportPlan([], problems);
        }

        var textColumns = columns.Where(c => c.Kind == ImportColumnKind.Text).Select(c => c.Name).ToArray();
        var rows = new List<RowKeys>();
        foreach (var row in table.Rows)
        {
            var cells = new ImportCells(index, row);
            if (row.IsSkipped)
            {
                continue;
            }

            foreach (var column in textColumns)
            {
                if (cells[column] is { } text && text.IndexOfAny(FormulaStarts) == 0)
                {
                    problems.Add(new ImportProblem(row.Number, column, "import.formula_text",
                        $"{column} starts with '{text[0]}', which a spreadsheet would run as a formula; remove the leading character."));
                }
            }

            NationalId? id = null;
            if (cells[regime.NationalIdColumn] is { } idCell)
            {
                var read = regime.ReadNationalId(idCell);
                if (read.IsSuccess)
                {
                    id = read.Value;
                }
                else
                {
                    problems.AddRange(read.Errors.Select(e => new ImportProblem(row.Number, regime.NationalIdColumn, e.Code, e.Message)));
                }
            }

            rows.Add(new RowKeys(cells, cells[EmployeeImportColumns.EmployeeNumber], id, idCell: cells[regime.NationalIdColumn] is not null));
        }

        if (rows.Count == 0)
        {
            problems.Add(new ImportProblem(2, regime.NationalIdColumn, ImportErrors.NoRows.Code, ImportErrors.NoRows.Message));
            return new EmployeeImportPlan([], problems);
        }

        ReportDuplicates(rows, r => r.Number, EmployeeImportColumns.EmployeeNumber, StringComparer.Ordinal, problems);
        ReportDuplicates(rows, r => r.Id?.Digits, regime.NationalIdColumn, StringComparer.Ordinal, problems);

        var known = await keys.ListAsync(companyId, cancellationToken);
        var byNumber = known.Where(k => k.EmployeeNumber is not null).ToDictionary(k => k.EmployeeNumber!, k => k.Id, StringComparer.Ordinal);
        var byIndex = known.ToDictionary(k => k.BlindIndex, k => k.Id, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            Guid? byNumberId = row.Number is { } number && byNumber.TryGetValue(number, out var n) ? n : null;
            Guid? byIdId = null;
            if (row.Id is { } id)
            {
                var candidates = pii.BlindIndexCandidates(id.Digits);
                row.BlindIndex = candidates[0];
                foreach (var candidate in candidates)
                {
                    if (byIndex.TryGetValue(candidate, out var match))
                    {
                        byIdId = match;
                        break;
                    }
                }
            }

            if (byNumberId is { } a && byIdId is { } b && a != b)
            {
                problems.Add(new ImportProblem(row.Cells.Row, regime.NationalIdColumn, "import.identity_conflict",
                    $"employeeNumber '{row.Number}' is one employee's and this {regime.NationalIdColumn} (ending {row.Id!.Last4}) is another's."));
                row.Conflicting = true;
                continue;
            }

            row.EmployeeId = byNumberId ?? byIdId;
            row.IdentifierChanged = byNumberId is not null && row.Id is not null && byIdId is null;
        }

        // Two rows that reach the same employee (one by its number, the other by its identifier) would both write it.
        foreach (var group in rows.Where(r => r.EmployeeId is not null).GroupBy(r => r.EmployeeId!.Value).Where(g => g.Count() > 1))
        {
            foreach (var row in group)
            {
                row.Conflicting = true;
                problems.Add(new ImportProblem(row.Cells.Row, regime.NationalIdColumn, "import.same_employee_twice",
                    $"Rows {string.Join(", ", group.Select(r => r.Cells.Row))} all match the same employee (by employeeNumber or {regime.NationalIdColumn})."));
            }
        }

        var matched = rows.Where(r => r.EmployeeId is not null).Select(r => r.EmployeeId!.Value).Distinct().ToList();
        var existing = matched.Count == 0 ? new Dictionary<Guid, Employee>() : await employees.GetManyAsync(companyId, matched, cancellationToken);
        var scheduleByName = (await schedules.ListAsync(companyId, cancellationToken))
            .GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var context = new RowContext(companyId, regime, profiles.For(regimeCode), payRuns.Find(regimeCode), scheduleByName, clock.GetUtcNow());

        var planned = new List<PlannedEmployee>();
        foreach (var row in rows.Where(r => !r.Conflicting))
        {
            var rowProblems = new List<ImportProblem>();
            var write = row.EmployeeId is { } employeeId && existing.TryGetValue(employeeId, out var employee)
                ? await PlanUpdateAsync(row, employee, context, rowProblems, cancellationToken)
                : PlanHire(row, context, rowProblems);
            problems.AddRange(rowProblems);
            if (write is not null && rowProblems.Count == 0)
            {
                planned.Add(write);
            }
        }

        // One problem per cell and code, in row and column order, so a fix shows where it is needed once.
        var ordered = problems.DistinctBy(p => (p.Row, p.Column, p.Code)).OrderBy(p => p.Row).ThenBy(p => ColumnOrder(columns, p.Column)).ToList();
        return new EmployeeImportPlan(planned, ordered);
    }

    private static int ColumnOrder(IReadOnlyList<ImportColumn> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return columns.Count;
    }

    private static Dictionary<string, int> ReadHeader(IReadOnlyList<string> header, IReadOnlyList<ImportColumn> columns, IEmployeeImports regime, List<ImportProblem> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var column = columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                problems.Add(new ImportProblem(1, name, "import.unknown_column",
                    $"Unknown column '{name}'. The columns are: {string.Join(", ", columns.Select(c => c.Name))} (any letter case)."));
            }
            else if (!index.TryAdd(column.Name, i))
            {
                problems.Add(new ImportProblem(1, name, "import.duplicate_column", $"The column '{column.Name}' appears twice in the header."));
            }
        }

        if (!index.ContainsKey(regime.NationalIdColumn) && !index.ContainsKey(EmployeeImportColumns.EmployeeNumber))
        {
            problems.Add(new ImportProblem(1, regime.NationalIdColumn, "import.column_required",
                $"The header must name {regime.NationalIdColumn} or {EmployeeImportColumns.EmployeeNumber}: rows are matched to employees by them."));
        }

        return index;
    }

    private static void ReportDuplicates(List<RowKeys> rows, Func<RowKeys, string?> key, string column, StringComparer comparer, List<ImportProblem> problems)
    {
        foreach (var group in rows.Where(r => key(r) is not null).GroupBy(r => key(r)!, comparer).Where(g => g.Count() > 1))
        {
            var numbers = group.Select(r => r.Cells.Row).ToList();
            foreach (var row in group)
            {
                var others = string.Join(", ", numbers.Where(n => n != row.Cells.Row));
                problems.Add(new ImportProblem(row.Cells.Row, column, $"import.duplicate_{(column == EmployeeImportColumns.EmployeeNumber ? "employee_number" : "national_id")}",
                    $"Row {others} of the file has the same {column}; each employee must appear once."));
            }
        }
    }

    private PlannedEmployee? PlanHire(RowKeys row, RowContext context, List<ImportProblem> problems)
    {
        var cells = row.Cells;
        var hireDate = Date(cells, EmployeeImportColumns.HireDate, problems);
        var terminationDate = Date(cells, EmployeeImportColumns.TerminationDate, problems);
        var effectiveFrom = Date(cells, EmployeeImportColumns.CompensationEffectiveFrom, problems);
        var core = new CreateEmployee(
            context.CompanyId, cells[EmployeeImportColumns.FirstName], cells[EmployeeImportColumns.LastName],
            cells[EmployeeImportColumns.HireDate] is null ? null : hireDate ?? DateOnly.MinValue, terminationDate)
        {
            EmployeeNumber = row.Number,
        };
        Add(problems, row, context, Common.Validation.ValidationErrors.From(EmployeeRules.Validate(core).Errors));
        if (!row.HasIdCell)
        {
            Add(problems, row, context, context.Regime.ReadNationalId(null).Errors);
        }

        var fields = context.Regime.HireFields(cells);
        var schedule = Schedule(cells, context, problems);
        if (schedule is not null)
        {
            if (context.Profiles.TakesPayFrequency && fields.TryGetValue("payFrequency", out var sent) && sent.ValueKind == JsonValueKind.String
                && Common.EnumText.TryParse(sent.GetString(), out Domain.Withholding.PayFrequency frequency) && frequency != schedule.Frequency)
            {
                Add(problems, row, context, [EmployeeAssignment.FrequencyConflict(schedule)]);
            }

            fields = EmployeeAssignment.WithScheduleFrequency(fields, schedule, context.Profiles);
        }

        var profile = context.Profiles.ForHire(new RegimeFields(fields), hireDate ?? DateOnly.MinValue);

        // An unknown schedule is reported once, not again as the pay frequency it would have given.
        var scheduleUnknown = schedule is null && cells[EmployeeImportColumns.PaySchedule] is not null;
        Add(problems, row, context, profile.Errors.Where(e => !(scheduleUnknown && e.Field == "payFrequency")));
        var terms = Terms(cells, context, problems, row);
        if (problems.Count > 0 || !profile.IsSuccess)
        {
            return null;
        }

        var (taxProfile, id, payFrequency, _) = profile.Value!;
        var employee = Employee.Hire(
                context.CompanyId, core.FirstName!, core.LastName!, id.Last4, hireDate!.Value, terminationDate, schedule?.Frequency ?? payFrequency, taxProfile, context.Now)
            .WithNumberAndSchedule(row.Number, schedule?.Id);
        var compensation = terms is null ? null : Store(employee.Id, effectiveFrom ?? employee.HireDate, terms, context);
        return new PlannedEmployee(cells.Row, PlannedEmployee.Created, employee, Protect(id, row), compensation, []);
    }

    private async Task<PlannedEmployee?> PlanUpdateAsync(RowKeys row, Employee employee, RowContext context, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var cells = row.Cells;
        var changes = new List<string>();
        var hireDate = Date(cells, EmployeeImportColumns.HireDate, problems) ?? employee.HireDate;
        var terminationDate = Date(cells, EmployeeImportColumns.TerminationDate, problems) ?? employee.TerminationDate;
        var effectiveFrom = Date(cells, EmployeeImportColumns.CompensationEffectiveFrom, problems);
        var firstName = cells[EmployeeImportColumns.FirstName] ?? employee.FirstName;
        var lastName = cells[EmployeeImportColumns.LastName] ?? employee.LastName;
        var number = row.Number ?? employee.EmployeeNumber;
        var core = new CreateEmployee(context.CompanyId, firstName, lastName, hireDate, terminationDate) { EmployeeNumber = number };
        Add(problems, row, context, Common.Validation.ValidationErrors.From(EmployeeRules.Validate(core).Errors));

        var schedule = Schedule(cells, context, problems);
        var fields = context.Regime.ChangeFields(cells, employee, row.IdentifierChanged);
        EmployeeProfileChange? change = null;
        if (fields.Count > 0)
        {
            var changed = context.Profiles.Change(new RegimeFields(fields), employee);
            Add(problems, row, context, changed.Errors);
            change = changed.IsSuccess ? changed.Value : null;
            changes.AddRange(change?.AuditDetails.Keys.Where(k => !k.EndsWith("EffectiveDate", StringComparison.Ordinal)) ?? []);
        }

        var frequency = change?.PayFrequency ?? employee.PayFrequency;
        var onSchedule = schedule ?? (employee.PayScheduleId is { } current ? context.Schedules.Values.FirstOrDefault(s => s.Id == current) : null);
        if (onSchedule is not null && change?.PayFrequency is { } requested && requested != onSchedule.Frequency)
        {
            Add(problems, row, context, [EmployeeAssignment.FrequencyConflict(onSchedule)]);
        }

        var terms = Terms(cells, context, problems, row);
        if (problems.Count > 0)
        {
            return null;
        }

        ProtectedSsn? ssn = change?.NationalId is { } id ? Protect(id, row) : null;
        if (ssn is not null)
        {
            employee.ChangeNationalId(ssn.Last4, context.Now);
        }

        if (firstName != employee.FirstName || lastName != employee.LastName)
        {
            changes.Add(firstName != employee.FirstName ? "firstName" : "lastName");
            employee.Rename(firstName, lastName, context.Now);
        }

        if (hireDate != employee.HireDate || terminationDate != employee.TerminationDate)
        {
            changes.Add(hireDate != employee.HireDate ? "hireDate" : "terminationDate");
        }

        var employment = employee.ChangeEmployment(hireDate, terminationDate, schedule?.Frequency ?? frequency, context.Now);
        if (!employment.IsSuccess)
        {
            Add(problems, row, context, employment.Errors);
            return null;
        }

        if (number != employee.EmployeeNumber)
        {
            changes.Add("employeeNumber");
            employee.ChangeNumber(number, context.Now);
        }

        if (schedule is not null && schedule.Id != employee.PayScheduleId)
        {
            changes.Add("paySchedule");
            employee.AssignSchedule(schedule.Id, schedule.Frequency, context.Now);
        }

        StoredCompensation? compensation = null;
        if (terms is not null)
        {
            var record = Store(employee.Id, effectiveFrom ?? employee.HireDate, terms, context);
            var records = await history.ListAsync(employee.Id, cancellationToken);
            var same = (StoredCompensation? other) => other is not null && other.PayType == record.PayType && other.Terms == record.Terms;
            if (effectiveFrom is null && records.Count > 0)
            {
                if (!same(records[0]))
                {
                    problems.Add(new ImportProblem(cells.Row, EmployeeImportColumns.CompensationEffectiveFrom, "import.compensation_effective_from_required",
                        $"The compensation differs from the record in effect since {records[0].EffectiveFrom:yyyy-MM-dd}: give the date the new terms apply from."));
                    return null;
                }
            }
            else if (!same(records.FirstOrDefault(r => r.EffectiveFrom == record.EffectiveFrom)))
            {
                compensation = record;
                changes.Add("compensation");
            }
        }

        return new PlannedEmployee(cells.Row, changes.Count == 0 ? PlannedEmployee.Unchanged : PlannedEmployee.Updated, employee, ssn, compensation, changes.Distinct().ToList());
    }

    private static ICompensationTerms? Terms(ImportCells cells, RowContext context, List<ImportProblem> problems, RowKeys row)
    {
        if (context.Regime.CompensationFields(cells) is not { } members)
        {
            return null;
        }

        if (context.PayRuns is null)
        {
            Add(problems, row, context, [CompensationErrors.RegimeWithoutCompensation(context.Profiles.Regime)]);
            return null;
        }

        var terms = context.PayRuns.ReadCompensation(new RegimeFields(members));
        Add(problems, row, context, terms.Errors);
        return terms.IsSuccess ? terms.Value : null;
    }

    private static StoredCompensation Store(Guid employeeId, DateOnly effectiveFrom, ICompensationTerms terms, RowContext context) =>
        new(employeeId, effectiveFrom, terms.PayType, context.PayRuns!.Store(terms), context.Now);

    private static PaySchedule? Schedule(ImportCells cells, RowContext context, List<ImportProblem> problems)
    {
        if (cells[EmployeeImportColumns.PaySchedule] is not { } name)
        {
            return null;
        }

        if (context.Schedules.TryGetValue(name, out var schedule))
        {
            return schedule;
        }

        problems.Add(new ImportProblem(cells.Row, EmployeeImportColumns.PaySchedule, EmployeeAssignment.ScheduleUnknown.Code,
            $"The company has no pay schedule named '{name}'."));
        return null;
    }

    private static DateOnly? Date(ImportCells cells, string column, List<ImportProblem> problems)
    {
        if (cells[column] is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new ImportProblem(cells.Row, column, "import.date_invalid", $"'{text}' is not a date: write it as yyyy-mm-dd."));
        return null;
    }

    /// <summary>Errors of the API's rules as problems on the row's columns, never repeating an identifier beyond its last four digits.</summary>
    private static void Add(List<ImportProblem> problems, RowKeys row, RowContext context, IEnumerable<Error> errors)
    {
        foreach (var error in errors)
        {
            var field = error.Field ?? context.Regime.NationalIdColumn;
            var column = field switch
            {
                "payScheduleId" => EmployeeImportColumns.PaySchedule,
                "effectiveFrom" => EmployeeImportColumns.CompensationEffectiveFrom,
                _ => context.Regime.ColumnOf(field),
            };
            problems.Add(new ImportProblem(row.Cells.Row, column, error.Code, error.Message));
        }
    }

    /// <summary>The identifier encrypted, with the blind index the match already computed for it (the same HMAC).</summary>
    private ProtectedSsn Protect(NationalId id, RowKeys row) =>
        new(pii.Protect(id.Digits), row.Id?.Digits == id.Digits && row.BlindIndex is { } index ? index : pii.BlindIndex(id.Digits), id.Last4);

    private sealed record RowContext(
        Guid CompanyId, IEmployeeImports Regime, IEmployeeProfiles Profiles, IPayRuns? PayRuns, IReadOnlyDictionary<string, PaySchedule> Schedules, DateTimeOffset Now);

    private sealed class RowKeys(ImportCells cells, string? number, NationalId? id, bool idCell)
    {
        public ImportCells Cells { get; } = cells;

        public string? Number { get; } = number;

        public NationalId? Id { get; } = id;

        public bool HasIdCell { get; } = idCell;

        /// <summary>The identifier's blind index under the current key, once matched.</summary>
        public string? BlindIndex { get; set; }

        public Guid? EmployeeId { get; set; }

        public bool IdentifierChanged { get; set; }

        public bool Conflicting { get; set; }
    }
}
