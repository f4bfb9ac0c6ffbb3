using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Compensation;

/// <summary>Stored records back to the regime's terms, and to the API's shape.</summary>
internal static class CompensationReader
{
    public static CompensationDto ToDto(StoredCompensation stored, IPayRuns regime)
    {
        var members = new RegimeMembers();
        regime.Describe(regime.Restore(stored.PayType, stored.Terms), members);
        return new CompensationDto(stored.EmployeeId, stored.EffectiveFrom, stored.PayType, stored.RecordedAt) { Terms = members };
    }
}
