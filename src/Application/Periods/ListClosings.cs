using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

/// <summary>
/// The closing dashboard for the global administrator: companies × months with their status. Months without payrolls or a
/// closing appear (as <c>none</c>) only when one company is asked for, so the company's row has every month of the range.
/// </summary>
[Requires(Access.Admin)]
public sealed record ListClosings(string? From, string? To, Guid? CompanyId, string? Status, int Limit = PageLimits.Default, string? Cursor = null)
    : IQuery<Result<Page<ClosingDto>>>
{
    /// <summary>Ten years of months at most, so a company's filled range stays small.</summary>
    public const int MaxMonths = 120;

    public static readonly string[] Statuses = [PeriodDto.Closed, PeriodDto.InProgress, PeriodDto.None];

    public sealed class Validator : AbstractValidator<ListClosings>
    {
        public Validator()
        {
            RuleFor(x => x.From).ValidPayMonth("from");
            RuleFor(x => x.To).ValidPayMonth("to");
            RuleFor(x => x).Must(x => Range(x) is { } range && range.From <= range.To && range.From.MonthsUntil(range.To) < MaxMonths)
                .When(x => PayMonth.TryParse(x.From, out _) && PayMonth.TryParse(x.To, out _))
                .WithErrorCode("closings.range_invalid").WithMessage($"from must not be after to, and the range may span at most {MaxMonths} months.")
                .OverridePropertyName("to");
            RuleFor(x => x.Status).Must(s => s is null || Statuses.Contains(s, StringComparer.Ordinal))
                .WithErrorCode("closings.status_invalid").WithMessage($"status must be one of: {string.Join(", ", Statuses)}.");
            RuleFor(x => x.Limit).ValidPageLimit();
            RuleFor(x => x.Cursor).Must(c => c is null || ClosingsCursor.TryDecode(c, out _)).WithErrorCode("paging.cursor_invalid")
                .WithMessage("Cursor is not valid; use the nextCursor of a previous page.");
        }
    }

    private static (PayMonth From, PayMonth To)? Range(ListClosings query) =>
        PayMonth.TryParse(query.From, out var from) && PayMonth.TryParse(query.To, out var to) ? (from, to) : null;

    public sealed class Handler(IClosingQueries queries, ICompanyQueries companies) : IQueryHandler<ListClosings, Result<Page<ClosingDto>>>
    {
        public async ValueTask<Result<Page<ClosingDto>>> Handle(ListClosings query, CancellationToken cancellationToken)
        {
            var (from, to) = Range(query)!.Value;
            ClosingsCursor? after = query.Cursor is null ? null : ClosingsCursor.TryDecode(query.Cursor, out var cursor) ? cursor : null;
            if (query.CompanyId is not { } companyId)
            {
                var rows = await queries.ListAsync(from, to, null, query.Status, after, query.Limit + 1, cancellationToken);
                return PageOf(rows, query.Limit);
            }

            var company = await companies.GetAsync(companyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            // One company: every month of the range, filled with "none" where nothing happened (the origin's fill_range).
            var found = (await queries.ListAsync(from, to, companyId, null, null, MaxMonths, cancellationToken)).ToDictionary(r => r.Month);
            var filled = new List<ClosingRow>();
            for (var month = from; month <= to; month = month.Next())
            {
                var row = found.GetValueOrDefault(month) ?? new ClosingRow(company.Id, company.Name, company.CreatedAt, month, 0, false, null);
                if ((query.Status is null || row.ToDto().Status == query.Status) && (after is null || month > after.Value.Month))
                {
                    filled.Add(row);
                }
            }

            return PageOf(filled.Take(query.Limit + 1).ToList(), query.Limit);
        }

        private static Page<ClosingDto> PageOf(IReadOnlyList<ClosingRow> rows, int limit)
        {
            var kept = rows.Take(limit).ToList();
            var next = rows.Count > limit ? new ClosingsCursor(kept[^1].CompanyCreatedAt, kept[^1].CompanyId, kept[^1].Month).Encode() : null;
            return new Page<ClosingDto>([.. kept.Select(r => r.ToDto())], next);
        }
    }
}
