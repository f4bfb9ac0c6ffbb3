using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Removes a member from the company: their sessions and tokens lose access to it on the next request, and their API
/// tokens for this company are revoked. The user account itself stays (it may belong to other companies). A company
/// always keeps at least one company admin.
/// </summary>
[Requires(Access.CompanyAdmin)]
public sealed record RemoveMember(Guid CompanyId, Guid UserId) : ICommand<Result<bool>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<RemoveMember>
    {
        public Validator() => RuleFor(x => x.UserId).NotEmpty().WithErrorCode("member.user_required").WithMessage("userId is required.");
    }

    public sealed class Handler(IUserRepository users, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<RemoveMember, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(RemoveMember command, CancellationToken cancellationToken)
        {
            var members = await users.MembersForUpdateAsync(command.CompanyId, cancellationToken);
            var member = members.FirstOrDefault(m => m.UserId == command.UserId);
            if (member is null)
            {
                return CompanyMembers.NotFound;
            }

            if (CompanyMembers.IsLastCompanyAdmin(members, member))
            {
                return CompanyMembers.LastCompanyAdmin;
            }

            var revokedTokens = await users.RemoveMembershipAsync(member.UserId, command.CompanyId, clock.GetUtcNow(), cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.MembershipRemoved, command.CompanyId, "user", member.UserId, new Dictionary<string, object?>
            {
                ["email"] = member.Email,
                ["role"] = member.Role,
                ["revokedTokens"] = revokedTokens,
            }), cancellationToken);
            return true;
        }
    }
}
