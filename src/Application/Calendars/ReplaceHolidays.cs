using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Calendars;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Calendars;

/// <summary>
/// Replaces the company's holiday list as a whole. Payrolls already posted keep their pay dates; the list applies to the
/// periods a schedule lists and the runs started from then on.
/// </summary>
[Requires(Access.CompanyAdmin)]
public sealed record ReplaceHolidays(Guid CompanyId, IReadOnlyList<HolidayRequest?>? Holidays) : ICommand<Result<HolidaysDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ReplaceHolidays>
    {
        public Validator()
        {
            RuleFor(x => x.Holidays).Cascade(CascadeMode.Stop)
                .NotNull().WithErrorCode("holidays.required").WithMessage("holidays is required (an empty list clears it).")
                .Must(h => h!.Count <= Holiday.MaxPerCompany).WithErrorCode("holidays.too_many")
                .WithMessage($"A company has at most {Holiday.MaxPerCompany} holidays.");
            RuleForEach(x => x.Holidays).Cascade(CascadeMode.Stop)
                .NotNull().WithErrorCode("holidays.holiday_required").WithMessage("A holiday must be an object with date and name.")
                .ChildRules(h =>
                {
                    h.RuleFor(x => x!.Date).NotNull().WithErrorCode("holidays.date_required").WithMessage("date is required.");
                    h.RuleFor(x => x!.Name).Cascade(CascadeMode.Stop)
                        .NotEmpty().WithErrorCode("holidays.name_required").WithMessage("name is required.")
                        .Must(n => n!.Trim().Length <= Holiday.MaxNameLength).WithErrorCode("holidays.name_too_long")
                        .WithMessage($"name must be at most {Holiday.MaxNameLength} characters.")
                        .Must(n => !UnsafeText.Contains(n)).WithErrorCode("holidays.name_invalid_characters").WithMessage("name " + UnsafeText.Message);
                });
            RuleFor(x => x.Holidays).Custom((items, context) =>
            {
                var seen = new HashSet<DateOnly>();
                for (var i = 0; i < (items?.Count ?? 0); i++)
                {
                    if (items![i]?.Date is { } date && !seen.Add(date))
                    {
                        context.AddFailure(new FluentValidation.Results.ValidationFailure($"holidays[{i}].date", $"{date:yyyy-MM-dd} is listed twice.")
                        {
                            ErrorCode = "holidays.duplicate_date",
                        });
                    }
                }
            });
        }
    }

    public sealed class Handler(ICompanyQueries companies, ICompanyHolidays holidays, IAuditTrail audit) : ICommandHandler<ReplaceHolidays, Result<HolidaysDto>>
    {
        public async ValueTask<Result<HolidaysDto>> Handle(ReplaceHolidays command, CancellationToken cancellationToken)
        {
            if (await companies.GetAsync(command.CompanyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            var before = await holidays.ListAsync(command.CompanyId, cancellationToken);
            var list = command.Holidays!.Select(h => new Holiday(h!.Date!.Value, h.Name!.Trim())).OrderBy(h => h.Date).ToList();
            await holidays.ReplaceAsync(command.CompanyId, list, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.HolidaysReplaced, command.CompanyId, "company", command.CompanyId, new Dictionary<string, object?>
                {
                    ["before"] = before.Count,
                    ["after"] = list.Count,
                    ["added"] = list.Select(h => h.Date).Except(before.Select(h => h.Date)).Select(d => d.ToString("yyyy-MM-dd")).ToArray(),
                    ["removed"] = before.Select(h => h.Date).Except(list.Select(h => h.Date)).Select(d => d.ToString("yyyy-MM-dd")).ToArray(),
                }),
                cancellationToken);
            return new HolidaysDto(command.CompanyId, [.. list.Select(h => new HolidayDto(h.Date, h.Name))]);
        }
    }
}
