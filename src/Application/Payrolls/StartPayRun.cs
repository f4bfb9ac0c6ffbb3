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
        RegimeParts<IPayRuns> runParts, IAuditTrail audit, PayRunOptions options, TimeProvider clock) : ICommandHandler<StartPayRun, Result<PayRunDto>>
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

            // The employees a page at a time: each page's lines are computed and stored before the next is read, so a
            // company of any size is started in bounded memory. A refusal found on any page rolls the whole run back.
            var lines = lineParts.For(company.Regime);
            var hours = new PayRunHours(command.Hours ?? [], period);
            var payroll = Payroll.Draft(
                command.CompanyId, company.Regime, period.Start, period.End, period.PayDate, schedule.Frequency, [], clock.GetUtcNow())
                .ForSchedule(schedule.Id);
            var unpaid = new List<string>();
            var errors = new List<Error>();
            PayrollTotalsDto? totals = null;
            var count = 0;
            for (Employee? after = null; ;)
            {
                var page = await employees.OnScheduleAsync(command.CompanyId, schedule.Id, period.Start, period.End, after, options.PageSize, cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                after = page[^1];
                var records = await compensation.InEffectAsync([.. page.Select(p => p.Id)], period.End, cancellationToken);
                var terms = new Dictionary<Guid, ICompensationTerms>(page.Count);
                foreach (var employee in page)
                {
                    if (records.TryGetValue(employee.Id, out var record))
                    {
                        terms[employee.Id] = runs.Restore(record.PayType, record.Terms);
                    }
                    else
                    {
                        unpaid.Add(PayRunHours.NameOf(employee));
                    }
                }

                var pageHours = hours.Match(page, terms);
                if (unpaid.Count == 0 && !hours.HasErrors)
                {
                    var computed = await ComputePageAsync(page, count, terms, pageHours);
                    if (!computed.IsSuccess)
                    {
                        errors.AddRange(computed.Errors);
                    }
                    else if (errors.Count == 0)
                    {
                        if (count == 0)
                        {
                            await payrolls.AddAsync(payroll, cancellationToken);
                        }

                        await payrolls.AddLinesAsync(payroll, computed.Value!, cancellationToken);
                        var pageTotals = PayrollTotalsDto.From(computed.Value!, lines, new RegimeMembers());
                        totals = totals is null ? pageTotals : totals.Plus(pageTotals);
                    }
                }

                count += page.Count;
            }

            if (count == 0)
            {
                return PayRunErrors.NoEmployees;
            }

            if (unpaid.Count > 0)
            {
                return PayRunErrors.NoCompensation(unpaid);
            }

            if (hours.Finish() is { Count: > 0 } hoursErrors)
            {
                return Result<PayRunDto>.Failure(hoursErrors);
            }

            if (errors.Count > 0)
            {
                return Result<PayRunDto>.Failure(errors);
            }

            await audit.RecordAsync(
                new AuditEntry(AuditActions.PayRunStarted, payroll.CompanyId, "payroll", payroll.Id, new Dictionary<string, object?>
                {
                    ["payScheduleId"] = schedule.Id,
                    ["periodStart"] = payroll.PeriodStart,
                    ["periodEnd"] = payroll.PeriodEnd,
                    ["payDate"] = payroll.PayDate,
                    ["lines"] = count,
                    ["hoursRows"] = command.Hours?.Count ?? 0,
                }),
                cancellationToken);
            return new PayRunDto(
                payroll.Id, EnumText.ToText(payroll.Status), schedule.Id, payroll.PeriodStart, payroll.PeriodEnd, payroll.PayDate, count, totals!);

            // Each employee's line from the record in effect and the hours, then withholding as for a typed line; lines and
            // errors are numbered in the whole run.
            async Task<Result<IReadOnlyList<PayrollLine>>> ComputePageAsync(
                IReadOnlyList<Employee> page, int firstIndex, Dictionary<Guid, ICompensationTerms> terms, Dictionary<Guid, RunHours> pageHours)
            {
                var generated = new GeneratedLine?[page.Count];
                var inputs = new List<(Guid, Result<ILineInput>)>(page.Count);
                for (var n = 0; n < page.Count; n++)
                {
                    var employee = page[n];
                    var line = runs.LineFor(new RunLine(firstIndex + n, employee, terms[employee.Id], period, schedule.Frequency, pageHours.GetValueOrDefault(employee.Id)));
                    generated[n] = line.IsSuccess ? line.Value : null;
                    inputs.Add((employee.Id, line.IsSuccess ? Result<ILineInput>.Success(line.Value!.Input) : Result<ILineInput>.Failure(line.Errors)));
                }

                var computed = await calculator.ComputeAsync(
                    lines, command.CompanyId, period.Start, period.End, period.PayDate, schedule.Frequency, inputs, page.ToDictionary(p => p.Id), firstIndex,
                    cancellationToken);
                return computed.IsSuccess
                    ? Result<IReadOnlyList<PayrollLine>>.Success([.. computed.Value!.Select(l => l with { Earnings = generated[l.LineNumber - 1 - firstIndex]!.Earnings })])
                    : computed;
            }
        }
    }
}
