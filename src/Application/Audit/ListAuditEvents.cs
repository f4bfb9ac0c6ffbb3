using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Audit;

[Requires(Access.CompanyAdmin)]
public sealed record ListAuditEvents(
    Guid? CompanyId, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Limit = PageLimits.Default, string? Cursor = null)
    : IQuery<Result<Page<AuditEventDto>>>, IOptionallyCompanyScoped
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
            var after = KeysetCursor.DecodeOrNull(query.Cursor);
            var filter = new AuditFilter(query.CompanyId, query.Action, query.From, query.To);
            var rows = await queries.ListAsync(filter, after, query.Limit + 1, cancellationToken);
            return Page<AuditEventDto>.FromOverfetch(rows, query.Limit, row => new KeysetCursor(row.OccurredAt, row.Id));
        }
    }
}
