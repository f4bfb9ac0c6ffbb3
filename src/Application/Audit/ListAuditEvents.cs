using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Audit;

public sealed record ListAuditEvents(
    Guid? CompanyId, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Limit = PageLimits.Default, string? Cursor = null)
    : IQuery<Result<Page<AuditEventDto>>>
{
    public sealed class Validator : AbstractValidator<ListAuditEvents>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidPageLimit();
            RuleFor(x => x.Cursor).ValidCursor();
            RuleFor(x => x.Action).MaximumLength(100).WithErrorCode("audit.action_too_long");
            RuleFor(x => x.From).LessThanOrEqualTo(x => x.To).When(x => x.From is not null && x.To is not null)
                .WithErrorCode("audit.range_reversed").WithMessage("from must not be after to.");
        }
    }

    public sealed class Handler(IAuditQueries queries) : IQueryHandler<ListAuditEvents, Result<Page<AuditEventDto>>>
    {
        public async ValueTask<Result<Page<AuditEventDto>>> Handle(ListAuditEvents query, CancellationToken cancellationToken)
        {
            KeysetCursor? after = KeysetCursor.TryDecode(query.Cursor, out var cursor) ? cursor : null;
            var filter = new AuditFilter(query.CompanyId, query.Action, query.From, query.To);
            var rows = await queries.ListAsync(filter, after, query.Limit + 1, cancellationToken);
            if (rows.Count <= query.Limit)
            {
                return new Page<AuditEventDto>(rows, null);
            }

            var items = rows.Take(query.Limit).ToArray();
            var last = items[^1];
            return new Page<AuditEventDto>(items, new KeysetCursor(last.OccurredAt, last.Id).Encode());
        }
    }
}
