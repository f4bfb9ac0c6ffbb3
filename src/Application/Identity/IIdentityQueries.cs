namespace PayrollPortal.Application.Identity;

public interface IIdentityQueries
{
    Task<UserDto?> GetUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, CompanyRole>> MembershipsAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The company's members, by email.</summary>
    Task<IReadOnlyList<CompanyMemberDto>> MembersAsync(Guid companyId, CancellationToken cancellationToken);

    /// <summary>The names of these companies, by id; missing ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> CompanyNamesAsync(IReadOnlyCollection<Guid> companyIds, CancellationToken cancellationToken);
}
