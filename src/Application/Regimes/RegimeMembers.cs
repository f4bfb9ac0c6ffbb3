namespace PayrollPortal.Application.Regimes;

/// <summary>
/// Members a regime adds to a response object. Serialised inline beside the core members (as <c>[JsonExtensionData]</c>),
/// so a line reads <c>{"employeeId": ..., "grossWages": ..., "withholdings": {...}}</c> whatever part wrote which member.
/// </summary>
public sealed class RegimeMembers : Dictionary<string, object?>
{
    public RegimeMembers()
        : base(StringComparer.Ordinal)
    {
    }
}
