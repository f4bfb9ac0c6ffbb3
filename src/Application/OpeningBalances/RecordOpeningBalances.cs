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

            if (record.EmployeeId is null || record.EmployeeId == Guid.Empty)
            {
                yield return Error.Validation("opening_balance.employee_required", "employeeId is required.", prefix + "employeeId");
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

            var known = await employees.GetManyAsync(command.CompanyId, command.Balances.Select(b => b.EmployeeId!.Value).Distinct().ToList(), cancellationToken);
            var errors = new List<Error>();
            var now = clock.GetUtcNow();
            var records = new List<OpeningBalance>();
            for (var i = 0; i < command.Balances.Count; i++)
            {
                var request = command.Balances[i];
                var prefix = Prefix(command, i);
                if (!known.ContainsKey(request.EmployeeId!.Value))
                {
                    errors.Add(Error.Validation("opening_balance.employee_unknown", "No employee of the company has this id.", prefix + "employeeId"));
                }

                var amounts = regime.Read(new RegimeFields(request.Fields), prefix);
                errors.AddRange(amounts.Errors);
                if (amounts.IsSuccess)
                {
                    var asOf = request.AsOf!.Value;
                    var month = request.Period is { } period ? int.Parse(period[5..], CultureInfo.InvariantCulture) : asOf.Month;
                    records.Add(new OpeningBalance(
                        Guid.CreateVersion7(now), command.CompanyId, request.EmployeeId!.Value, request.TaxYear!.Value, asOf, month, company.Regime, amounts.Value!, now));
                }
            }

            if (errors.Count > 0)
            {
                return Result<OpeningBalancesDto>.Failure(errors);
            }

            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                if (await store.ApprovedPayrollAfterAsync(record.CompanyId, record.EmployeeId, record.TaxYear, record.AsOf, cancellationToken) is { } payDate)
                {
                    return OpeningBalanceErrors.PayrollAfterAsOf(Prefix(command, i) + "asOf", record.AsOf, payDate);
                }
            }

            var currency = lines.For(company.Regime).Currency;
            if (command.DryRun)
            {
                return new OpeningBalancesDto([.. records.Select(r => ToDto(r, currency))]);
            }

            var result = new List<OpeningBalanceDto>();
            foreach (var record in records)
            {
                await store.AddAsync(record, cancellationToken);
                var dto = ToDto(record, currency);
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

        private static OpeningBalanceDto ToDto(OpeningBalance record, Domain.Common.Currency currency) =>
            new(record.Id, record.EmployeeId, record.TaxYear, record.AsOf, $"{record.TaxYear:0000}-{record.PeriodMonth:00}", record.RecordedAt)
            {
                Amounts = record.Amounts.ToDictionary(a => a.Key, a => (object?)currency.ToAmount(new Money(a.Value))),
            };
    }
}
