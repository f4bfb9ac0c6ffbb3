namespace PayrollPortal.Api.Identity;

/// <summary>Endpoint metadata: a write that carries no authority from the session cookie (signing in), so needs no CSRF token.</summary>
public sealed class SkipCsrfCheck
{
    public static SkipCsrfCheck Instance { get; } = new();

    private SkipCsrfCheck()
    {
    }
}
