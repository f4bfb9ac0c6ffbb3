namespace PayrollPortal.Application.Identity;

internal static class MeReader
{
    /// <summary>
    /// The user and their memberships with company names. <paramref name="caller"/>, when given, limits the memberships to
    /// what this caller holds (an API token is scoped to one company).
    /// </summary>
    public static async Task<MeDto?> ReadAsync(IIdentityQueries queries, Guid userId, Caller? caller, CancellationToken cancellationToken)
    {
        var user = await queries.GetUserAsync(userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var memberships = caller?.Memberships ?? await queries.MembershipsAsync(userId, cancellationToken);
        var names = await queries.CompanyNamesAsync([.. memberships.Keys], cancellationToken);
        return new MeDto(user, [.. memberships
            .Where(m => names.ContainsKey(m.Key))
            .Select(m => new MembershipDto(m.Key, names[m.Key], m.Value.Name()))
            .OrderBy(m => m.CompanyName, StringComparer.Ordinal)]);
    }
}
