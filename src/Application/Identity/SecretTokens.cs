using System.Security.Cryptography;
using System.Text;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Bearer secrets (API tokens, session ids): 32 random bytes, base64url, shown once; only their SHA-256 is stored. A fast
/// hash is enough because the secret has 256 bits of entropy, unlike a password.
/// </summary>
public static class SecretTokens
{
    public const string ApiTokenPrefix = "ppt_";

    public static string NewSecret(string prefix = "") =>
        prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A password for an account created without one: 24 random bytes, 32 characters.</summary>
    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
