using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Changes a member's role in the company. It takes effect on the member's next request, whether by session or token
/// (a token's role is capped by its owner's current role). A company always keeps at least one company admin.
/// </summary>
[Requires(Access.CompanyAdmin)]
public sealed record ChangeMemberRole(Guid CompanyId, Guid UserId, string? Role) : ICommand<Result<CompanyMemberDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ChangeMemberRole>
    {
        public Validator()
        {
            RuleFor(x => x.UserId).NotEmpty().WithErrorCode("member.user_required").WithMessage("userId is required.");
            // The employee role comes with its employee record, at the invitation (CreateUser); it is not a step down from staff.
            RuleFor(x => x.Role).Must(r => r != CompanyRoles.Employee && CompanyRoles.TryParse(r, out _)).WithErrorCode("user.role_invalid")
                .WithMessage("role must be company_admin, payroll_manager or viewer.");
        }
    }

    public sealed class Handler(IUserRepository users, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<ChangeMemberRole, Result<CompanyMemberDto>>
    {
        public async ValueTask<Result<CompanyMemberDto>> Handle(ChangeMemberRole command, CancellationToken cancellationToken)
        {
            var members = await users.MembersForUpdateAsync(command.CompanyId, cancellationToken);
            var member = members.FirstOrDefault(m => m.UserId == command.UserId);
            if (member is null)
            {
                return CompanyMembers.NotFound;
            }

            var role = CompanyRoles.Parse(command.Role!);
            if (member.Role == role.Name())
            {
                return member;
            }

            if (CompanyMembers.IsLastCompanyAdmin(members, member))
            {
                return CompanyMembers.LastCompanyAdmin;
            }

            await users.GrantMembershipAsync(member.UserId, command.CompanyId, role, clock.GetUtcNow(), cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.MembershipChanged, command.CompanyId, "user", member.UserId, new Dictionary<string, object?>
            {
                ["email"] = member.Email,
                ["from"] = member.Role,
                ["to"] = role.Name(),
            }), cancellationToken);
            return member with { Role = role.Name() };
        }
    }
}
