namespace PayrollPortal.Api.Identity;

/// <summary>
/// The authentication schemes: the default picks the bearer handler when the request carries
/// <c>Authorization: Bearer</c>, and the portal's session cookie otherwise.
/// </summary>
public static class AuthSchemes
{
    public const string Default = "payroll";
    public const string Cookie = "session";
    public const string Bearer = "bearer";
    public const string CookieName = "payroll_session";
    public const string CsrfHeader = "X-CSRF-Token";
}
