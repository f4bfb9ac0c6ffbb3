using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>One member of a company: who, with which role, since when.</summary>
public sealed record CompanyMemberDto(Guid UserId, string Email, string Role, DateTimeOffset Since);

/// <summary>The members of a company, by email. Only its company admins (and the global administrator) see them.</summary>
[Requires(Access.CompanyAdmin)]
public sealed record ListCompanyMembers(Guid CompanyId) : IQuery<Result<IReadOnlyList<CompanyMemberDto>>>, ICompanyScoped
{
    public sealed class Handler(IIdentityQueries queries) : IQueryHandler<ListCompanyMembers, Result<IReadOnlyList<CompanyMemberDto>>>
    {
        public async ValueTask<Result<IReadOnlyList<CompanyMemberDto>>> Handle(ListCompanyMembers query, CancellationToken cancellationToken) =>
            Result<IReadOnlyList<CompanyMemberDto>>.Success(await queries.MembersAsync(query.CompanyId, cancellationToken));
    }
}

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
            RuleFor(x => x.Role).Must(r => CompanyRoles.TryParse(r, out _)).WithErrorCode("user.role_invalid")
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

internal static class CompanyMembers
{
    public static readonly Error NotFound = Error.NotFound("member.not_found", "This user is not a member of the company.");

    public static readonly Error LastCompanyAdmin = Error.Conflict(
        "member.last_company_admin", "The company's last company admin cannot be removed or given another role; make someone else company admin first.");

    /// <param name="members">The company's members read with <see cref="IUserRepository.MembersForUpdateAsync"/>, so that two
    /// admins demoting each other at the same time cannot both pass.</param>
    public static bool IsLastCompanyAdmin(IReadOnlyList<CompanyMemberDto> members, CompanyMemberDto member)
    {
        var admin = CompanyRole.CompanyAdmin.Name();
        return member.Role == admin && members.Count(m => m.Role == admin) == 1;
    }
}
