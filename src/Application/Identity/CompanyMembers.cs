using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>What changing and removing members share: their errors and the last-admin rule.</summary>
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
