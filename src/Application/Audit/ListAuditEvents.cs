using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Audit;

/// <param name="EntityType">The event's target type (<c>company</c>, <c>employee</c>, <c>payroll</c>, <c>period</c>, ...).</param>
/// <param name="EntityId">The event's target id.</param>
/// <param name="ActorId">A user's id: the events that user made, signed in or with one of their API tokens.</param>
[Requires(Access.CompanyAdmin)]
public sealed record ListAuditEvents(
    Guid? CompanyId, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Limit = PageLimits.Default, string? Cursor = null,
    string? EntityType = null, Guid? EntityId = null, Guid? ActorId = null)
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

            // Target types are short snake_case words; anything else can never match, so it is a mistake worth naming.
            RuleFor(x => x.EntityType).Matches("^[a-z][a-z_]{0,39}$").When(x => x.EntityType is not null)
                .WithErrorCode("audit.entity_type_invalid").WithMessage("entityType must be a target type such as company, employee, payroll or period.");
        }
    }

    public sealed class Handler(IAuditQueries queries, IIdentityQueries identity) : IQueryHandler<ListAuditEvents, Result<Page<AuditEventDto>>>
    {
        public async ValueTask<Result<Page<AuditEventDto>>> Handle(ListAuditEvents query, CancellationToken cancellationToken)
        {
            string? actorEmail = null;
            if (query.ActorId is { } actorId)
            {
                // The trail records who acted by email (users keep theirs); an unknown user has made no events.
                actorEmail = (await identity.GetUserAsync(actorId, cancellationToken))?.Email;
                if (actorEmail is null)
                {
                    return new Page<AuditEventDto>([], null);
                }
            }

            var after = KeysetCursor.DecodeOrNull(query.Cursor);
            var filter = new AuditFilter(query.CompanyId, query.Action, query.From, query.To, query.EntityType, query.EntityId, actorEmail);
            var rows = await queries.ListAsync(filter, after, query.Limit + 1, cancellationToken);
            return Page<AuditEventDto>.FromOverfetch(rows, query.Limit, row => new KeysetCursor(row.OccurredAt, row.Id));
        }
    }
}
