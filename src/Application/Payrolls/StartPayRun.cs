using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Starts a schedule's period: a draft payroll with one line per employee of the schedule employed in the period, each
/// made from the compensation record in effect on the period's end date (and the hours, for hourly employees), prorated
/// for a hire or termination inside the period, then withheld through the regime as a typed line would be. Without a
/// period start it takes the first period, from the schedule's first, that has no draft or approved payroll.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record StartPayRun(Guid CompanyId, Guid ScheduleId, DateOnly? PeriodStart, IReadOnlyList<HoursRow?>? Hours)
    : ICommand<Result<PayRunDto>>, ICompanyScoped
{
    public const int MaxHoursRows = PayrollRules.MaxLines;

    public sealed class Validator : AbstractValidator<StartPayRun>
    {
        public Validator()
        {
            RuleFor(x => x.Hours).Must(h => h is null || h.Count <= MaxHoursRows).WithErrorCode("run.too_many_hours_rows")
                .WithMessage($"At most {MaxHoursRows} hours rows.");
            RuleForEach(x => x.Hours).NotNull().WithErrorCode("run.hours_row_required").WithMessage("An hours row must be an object.");
        }
    }

    public sealed class Handler(
        ICompanyQueries companies, IPaySchedules schedules, ScheduleCalendar calendar, IEmployeeRepository employees, ICompensationHistory compensation,
        IPeriodClosings closings, IPayrollRepository payrolls, PayrollCalculator calculator, RegimeParts<IPayrollLines> lineParts,
        RegimeParts<IPayRuns> runParts, IAuditTrail audit, TimeProvider clock) : ICommandHandler<StartPayRun, Result<PayRunDto>>
    {
        public async ValueTask<Result<PayRunDto>> Handle(StartPayRun command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (await schedules.GetAsync(command.CompanyId, command.ScheduleId, cancellationToken) is not { } schedule)
            {
                return ScheduleErrors.NotFound;
            }

            if (runParts.Find(company.Regime) is not { } runs)
            {
                return ScheduleErrors.RegimeWithoutRuns(company.Regime);
            }

            int? index = command.PeriodStart is { } start ? schedule.IndexOfStart(start) : await calendar.FirstOpenIndexAsync(schedule, cancellationToken);
            if (index is null)
            {
                return command.PeriodStart is null ? PayRunErrors.NoOpenPeriod : PayRunErrors.PeriodNotInSchedule;
            }

            var period = schedule.PeriodAt(index.Value, await calendar.BusinessDaysAsync(command.CompanyId, cancellationToken));
            var live = await schedules.LivePayrollsAsync(schedule.Id, period.Start, period.Start, cancellationToken);
            if (live.TryGetValue(period.Start, out var existing))
            {
                return PayRunErrors.PeriodStarted(existing.PayrollId, period.Start, existing.Status);
            }

            if (await closings.RefusalForAsync(command.CompanyId, period.PayDate, cancellationToken) is { } closed)
            {
                return closed;
            }

            var people = await employees.OnScheduleAsync(command.CompanyId, schedule.Id, period.Start, period.End, cancellationToken);
            if (people.Count == 0)
            {
                return PayRunErrors.NoEmployees;
            }

            var records = await compensation.InEffectAsync(command.CompanyId, schedule.Id, period.End, cancellationToken);
            var unpaid = people.Where(p => !records.ContainsKey(p.Id)).Select(Name).ToList();
            if (unpaid.Count > 0)
            {
                return PayRunErrors.NoCompensation(unpaid);
            }

            var terms = people.ToDictionary(p => p.Id, p => runs.Restore(records[p.Id].PayType, records[p.Id].Terms));
            var hours = ReadHours(command.Hours ?? [], people, terms, period);
            if (!hours.IsSuccess)
            {
                return Result<PayRunDto>.Failure(hours.Errors);
            }

            var generated = new List<GeneratedLine?>(people.Count);
            var inputs = new List<(Guid, Result<ILineInput>)>(people.Count);
            for (var i = 0; i < people.Count; i++)
            {
                var employee = people[i];
                var line = runs.LineFor(new RunLine(i, employee, terms[employee.Id], period, schedule.Frequency, hours.Value!.GetValueOrDefault(employee.Id)));
                generated.Add(line.IsSuccess ? line.Value : null);
                inputs.Add((employee.Id, line.IsSuccess ? Result<ILineInput>.Success(line.Value!.Input) : Result<ILineInput>.Failure(line.Errors)));
            }

            var lines = lineParts.For(company.Regime);
            var computed = await calculator.ComputeAsync(
                lines, command.CompanyId, period.Start, period.End, period.PayDate, schedule.Frequency, inputs, people.ToDictionary(p => p.Id), cancellationToken);
            if (!computed.IsSuccess)
            {
                return Result<PayRunDto>.Failure(computed.Errors);
            }

            var payroll = Payroll.Draft(
                command.CompanyId, company.Regime, period.Start, period.End, period.PayDate, schedule.Frequency,
                computed.Value!.Select(l => l with { Earnings = generated[l.LineNumber - 1]!.Earnings }), clock.GetUtcNow())
                .ForSchedule(schedule.Id);
            await payrolls.AddAsync(payroll, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.PayRunStarted, payroll.CompanyId, "payroll", payroll.Id, new Dictionary<string, object?>
                {
                    ["payScheduleId"] = schedule.Id,
                    ["periodStart"] = payroll.PeriodStart,
                    ["periodEnd"] = payroll.PeriodEnd,
                    ["payDate"] = payroll.PayDate,
                    ["lines"] = payroll.Lines.Count,
                    ["hoursRows"] = command.Hours?.Count ?? 0,
                }),
                cancellationToken);
            var members = new RegimeMembers();
            return new PayRunDto(
                payroll.Id, EnumText.ToText(payroll.Status), schedule.Id, payroll.PeriodStart, payroll.PeriodEnd, payroll.PayDate, payroll.Lines.Count,
                PayrollTotalsDto.From(payroll.Lines, lines, members));
        }

        private static string Name(Employee e) => e.EmployeeNumber is { } number ? $"{e.FirstName} {e.LastName} ({number})" : $"{e.FirstName} {e.LastName} ({e.Id})";

        /// <summary>Every bad row at once, or the hours by employee; hourly employees without hours are named together.</summary>
        private static Result<Dictionary<Guid, RunHours>> ReadHours(
            IReadOnlyList<HoursRow?> rows, IReadOnlyList<Employee> people, Dictionary<Guid, ICompensationTerms> terms, SchedulePeriod period)
        {
            var byId = people.ToDictionary(p => p.Id);
            var byNumber = people.Where(p => p.EmployeeNumber is not null).ToDictionary(p => p.EmployeeNumber!, StringComparer.OrdinalIgnoreCase);
            var max = 24m * period.Days;
            var errors = new List<Error>();
            var hours = new Dictionary<Guid, RunHours>();
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i]!;
                var label = row.Label ?? $"hours[{i}]";
                Employee? employee = null;
                if (row.EmployeeId is null == string.IsNullOrWhiteSpace(row.EmployeeNumber))
                {
                    errors.Add(PayRunErrors.HoursEmployeeRequired(label));
                }
                else if (row.EmployeeId is { } id ? !byId.TryGetValue(id, out employee) : !byNumber.TryGetValue(row.EmployeeNumber!.Trim(), out employee))
                {
                    errors.Add(PayRunErrors.HoursUnknownEmployee(label, row.EmployeeId is null ? "employeeNumber" : "employeeId"));
                }

                var regular = Check(row.RegularHours ?? 0, "regularHours");
                var overtime = Check(row.OvertimeHours ?? 0, "overtimeHours");
                if (employee is null)
                {
                    continue;
                }

                if (!terms[employee.Id].IsHourly)
                {
                    errors.Add(PayRunErrors.HoursNotHourly(label));
                }
                else if (!hours.TryAdd(employee.Id, new RunHours(regular, overtime)))
                {
                    errors.Add(PayRunErrors.HoursDuplicate(label));
                }

                decimal Check(decimal value, string field)
                {
                    if (value < 0 || value > max || decimal.Round(value, 2) != value)
                    {
                        errors.Add(PayRunErrors.HoursOutOfRange(label, field, max));
                    }

                    return value;
                }
            }

            var missing = people.Where(p => terms[p.Id].IsHourly && !hours.ContainsKey(p.Id)).Select(Name).ToList();
            if (missing.Count > 0)
            {
                errors.Add(PayRunErrors.HoursMissing(missing));
            }

            return errors.Count > 0 ? Result<Dictionary<Guid, RunHours>>.Failure(errors) : hours;
        }
    }
}
