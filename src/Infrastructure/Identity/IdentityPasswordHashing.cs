using Microsoft.AspNetCore.Identity;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, 100,000 iterations, per-user salt,
/// versioned format). The dummy hash for unknown emails is made once, with the same parameters as a real one.
/// </summary>
public sealed class IdentityPasswordHashing : IPasswordHashing
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher = new();
    private readonly Lazy<string> _dummyHash;

    public IdentityPasswordHashing() => _dummyHash = new(() => _hasher.HashPassword(User, SecretTokens.NewPassword()));

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(User, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };

    public void VerifyNothing(string password) => _ = _hasher.VerifyHashedPassword(User, _dummyHash.Value, password);
}
