namespace PayrollPortal.Application.Audit;

/// <summary>
/// Chains that are not a company's own. <see cref="Security"/> holds sign-ins, failed logins, lockouts and authorization
/// denials: they often name no company (an unknown email) and must not lock a company's chain for every attempt, while a
/// denial that concerns a company still carries its <c>company_id</c>, so that company's filter finds it.
/// </summary>
public static class AuditChains
{
    public const string Global = "global";
    public const string Security = "security";
}
