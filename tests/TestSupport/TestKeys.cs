using PayrollPortal.Infrastructure.Security;

namespace PayrollPortal.TestSupport;

/// <summary>Secrets for tests, generated once per test run; nothing secret lives in the repository.</summary>
public static class TestKeys
{
    public static string PiiKeys { get; } = PiiKeyRing.NewEntry("test1");

    /// <summary>The bootstrap administrator's password (ADMIN_PASSWORD) in every test app.</summary>
    public static string AdminPassword { get; } = Application.Identity.SecretTokens.NewPassword();
}
