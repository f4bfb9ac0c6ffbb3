using System.Globalization;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.OpeningBalances;

/// <summary>
/// Records year-to-date figures carried in from the payroll a company used before (docs/IMPORTS.md, "Opening balances"):
/// per employee and tax year, as of a date, for one month. They count towards year-to-date everywhere (wage bases and
/// thresholds, payslips, the month's, quarter's and year's reports). A correction is a new record; the latest recorded for an
/// employee, year and month counts. An approved payroll of the year paid after the as-of date refuses the record (409): its
/// figures would count twice.
/// </summary>
/// <param name="Many">Whether the request sent <c>{"balances":[...]}</c>, so that errors are named <c>balances[i].field</c>.</param>
/// <param name="DryRun">Check everything (the 409 included) and answer the records as they would be, storing nothing.</param>
[Requires(Access.PayrollManager)]
public sealed record RecordOpeningBalances(Guid CompanyId, IReadOnlyList<OpeningBalanceRequest> Balances, bool Many, bool DryRun = false)
    : ICommand<Result<OpeningBalancesDto>>, ICompanyScoped
{
    public const int MaxRecords = 10_000;

    public sealed class Validator : AbstractValidator<RecordOpeningBalances>
    {
        public Validator()
        {
            RuleFor(x => x.Balances).Must(b => b.Count is > 0 and <= MaxRecords).WithErrorCode("opening_balance.count_invalid")
                .WithMessage($"Send 1 to {MaxRecords} records.").OverridePropertyName("balances");
            RuleFor(x => x).Custom((command, context) =>
            {
                for (var i = 0; i < command.Balances.Count; i++)
                {
                    var prefix = Prefix(command, i);
                    foreach (var error in Check(command.Balances[i], prefix))
                    {
                        context.AddFailure(new FluentValidation.Results.ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
                    }
                }
            });
        }

        private static IEnumerable<Error> Check(OpeningBalanceRequest? record, string prefix)
        {
            if (record is null)
            {
                yield return Error.Validation("opening_balance.record_required", "Each balance must be an object.", prefix.TrimEnd('.'));
                yield break;
            }

            // The employee by id or by the company's own number; the handler checks that both, when given, name the same one.
            if (record.EmployeeId is null && record.EmployeeNumber is null)
            {
                yield return OpeningBalanceErrors.EmployeeRequired(prefix);
            }

            if (record.EmployeeId == Guid.Empty)
            {
                yield return OpeningBalanceErrors.EmployeeIdInvalid(prefix);
            }

            if (record.EmployeeNumber is { } number && !EmployeeAssignment.IsValidNumber(number))
            {
                yield return OpeningBalanceErrors.EmployeeNumberInvalid(prefix);
            }

            if (record.TaxYear is not (>= 2000 and <= 2100))
            {
                yield return Error.Validation("opening_balance.tax_year_invalid", "taxYear must be a year from 2000 to 2100.", prefix + "taxYear");
            }

            if (record.AsOf is not { } asOf)
            {
                yield return Error.Validation("opening_balance.as_of_required", "asOf (the date the figures run to) is required.", prefix + "asOf");
            }
            else if (record.TaxYear is { } year && asOf.Year != year)
            {
                yield return Error.Validation("opening_balance.as_of_outside_year", $"asOf must fall in the tax year {year}.", prefix + "asOf");
            }

            if (record.Period is { } period
                && (!DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                    || month.Year != record.TaxYear || (record.AsOf is { } end && month > end)))
            {
                yield return Error.Validation("opening_balance.period_invalid", "period must be a month (yyyy-MM) of the tax year, on or before asOf.", prefix + "period");
            }
        }
    }

    internal static string Prefix(RecordOpeningBalances command, int index) =>
        command.Balances[index]?.Label is { } label ? label + "." : command.Many ? $"balances[{index}]." : string.Empty;

    public sealed class Handler(
        ICompanyQueries companies, IEmployeeRepository employees, RegimeParts<IOpeningBalanceFields> regimes, RegimeParts<IPayrollLines> lines,
        IOpeningBalanceStore store, IAuditTrail audit, TimeProvider clock) : ICommandHandler<RecordOpeningBalances, Result<OpeningBalancesDto>>
    {
        public async ValueTask<Result<OpeningBalancesDto>> Handle(RecordOpeningBalances command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (regimes.Find(company.Regime) is not { } regime)
            {
                return OpeningBalanceErrors.RegimeUnsupported(company.Regime);
            }

            // Two reads for the whole request, not one per record: the employees named by id, and the ids of those named by number.
            var known = await employees.GetManyAsync(
                command.CompanyId, command.Balances.Where(b => b.EmployeeId is not null).Select(b => b.EmployeeId!.Value).Distinct().ToList(), cancellationToken);
            var byNumber = await employees.IdsByNumberAsync(
                command.CompanyId, command.Balances.Where(b => b.EmployeeNumber is not null).Select(b => b.EmployeeNumber!).Distinct(StringComparer.Ordinal).ToList(),
                cancellationToken);
            var errors = new List<Error>();
            var now = clock.GetUtcNow();
            var records = new List<(OpeningBalance Record, string? EmployeeNumber)>();
            for (var i = 0; i < command.Balances.Count; i++)
            {
                var request = command.Balances[i];
                var prefix = Prefix(command, i);
                var employee = Resolve(request, prefix, known, byNumber, errors);

                var amounts = regime.Read(new RegimeFields(request.Fields), prefix);
                errors.AddRange(amounts.Errors);
                if (amounts.IsSuccess && employee is { } employeeId)
                {
                    var asOf = request.AsOf!.Value;
                    var month = request.Period is { } period ? int.Parse(period[5..], CultureInfo.InvariantCulture) : asOf.Month;
                    var number = known.TryGetValue(employeeId, out var found) ? found.EmployeeNumber : request.EmployeeNumber;
                    records.Add((new OpeningBalance(
                        Guid.CreateVersion7(now), command.CompanyId, employeeId, request.TaxYear!.Value, asOf, month, company.Regime, amounts.Value!, now), number));
                }
            }

            if (errors.Count > 0)
            {
                return Result<OpeningBalancesDto>.Failure(errors);
            }

            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i].Record;
                if (await store.ApprovedPayrollAfterAsync(record.CompanyId, record.EmployeeId, record.TaxYear, record.AsOf, cancellationToken) is { } payDate)
                {
                    return OpeningBalanceErrors.PayrollAfterAsOf(Prefix(command, i) + "asOf", record.AsOf, payDate);
                }
            }

            var currency = lines.For(company.Regime).Currency;
            if (command.DryRun)
            {
                return new OpeningBalancesDto([.. records.Select(r => ToDto(r.Record, r.EmployeeNumber, currency))]);
            }

            var result = new List<OpeningBalanceDto>();
            foreach (var (record, number) in records)
            {
                await store.AddAsync(record, cancellationToken);
                var dto = ToDto(record, number, currency);
                await audit.RecordAsync(new AuditEntry(AuditActions.OpeningBalanceRecorded, record.CompanyId, "employee", record.EmployeeId, new Dictionary<string, object?>
                {
                    ["openingBalanceId"] = record.Id,
                    ["taxYear"] = record.TaxYear,
                    ["asOf"] = record.AsOf,
                    ["period"] = dto.Period,
                    ["amounts"] = dto.Amounts,
                }), cancellationToken);
                result.Add(dto);
            }

            return new OpeningBalancesDto(result);
        }

        /// <summary>
        /// The employee a record names, by id or by number (matched ordinally, as the employee import matches numbers); null with
        /// the reason in <paramref name="errors"/> when either names no employee of the company or the two name different ones.
        /// </summary>
        private static Guid? Resolve(
            OpeningBalanceRequest request, string prefix, IReadOnlyDictionary<Guid, Employee> known, IReadOnlyDictionary<string, Guid> byNumber, List<Error> errors)
        {
            var before = errors.Count;
            if (request.EmployeeId is { } id && !known.ContainsKey(id))
            {
                errors.Add(OpeningBalanceErrors.EmployeeUnknown(prefix));
            }

            Guid? numbered = null;
            if (request.EmployeeNumber is { } number)
            {
                if (byNumber.TryGetValue(number, out var match))
                {
                    numbered = match;
                }
                else
                {
                    errors.Add(OpeningBalanceErrors.EmployeeNumberUnknown(prefix, number));
                }
            }

            if (errors.Count > before)
            {
                return null;
            }

            if (request.EmployeeId is { } given && numbered is { } other && given != other)
            {
                errors.Add(OpeningBalanceErrors.EmployeeMismatch(prefix, request.EmployeeNumber!));
                return null;
            }

            return request.EmployeeId ?? numbered;
        }

        private static OpeningBalanceDto ToDto(OpeningBalance record, string? employeeNumber, Domain.Common.Currency currency) =>
            new(record.Id, record.EmployeeId, employeeNumber, record.TaxYear, record.AsOf, $"{record.TaxYear:0000}-{record.PeriodMonth:00}", record.RecordedAt)
            {
                Amounts = record.Amounts.ToDictionary(a => a.Key, a => (object?)currency.ToAmount(new Money(a.Value))),
            };
    }
}
