using System.Security.Cryptography;
using System.Text;
using PayrollPortal.Application.Common.Security;

namespace PayrollPortal.Infrastructure.Security;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value, stored as <c>v1:kid:base64(nonce|ciphertext|tag)</c>; the blind index is
/// HMAC-SHA256 under a key derived separately, so the index reveals nothing that would help decrypt.
/// </summary>
public sealed class AesGcmPiiProtector(PiiKeyRing ring) : IPiiProtector
{
    private const string Prefix = "v1";
    private const int NonceBytes = 12;
    internal const int TagBytes = 16;

    public string Protect(string plaintext)
    {
        var key = ring.Current;
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = payload.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        key.Aes.Encrypt(nonce, plain, payload.AsSpan(NonceBytes, plain.Length), payload.AsSpan(NonceBytes + plain.Length), AssociatedData(key.Id));
        return $"{Prefix}:{key.Id}:{Convert.ToBase64String(payload)}";
    }

    public string Unprotect(string protectedValue)
    {
        var (kid, payload) = Split(protectedValue);
        var key = ring.Find(kid) ?? throw new CryptographicException($"The value was encrypted under key '{kid}', which is not in {PiiKeyRing.Variable}.");
        var plain = new byte[payload.Length - NonceBytes - TagBytes];
        key.Aes.Decrypt(payload.AsSpan(0, NonceBytes), payload.AsSpan(NonceBytes, plain.Length), payload.AsSpan(NonceBytes + plain.Length), plain, AssociatedData(kid));
        return Encoding.UTF8.GetString(plain);
    }

    public string BlindIndex(string plaintext) => Index(ring.Current, plaintext);

    public IReadOnlyList<string> BlindIndexCandidates(string plaintext) => [.. ring.Keys.Select(k => Index(k, plaintext))];

    public bool NeedsRotation(string protectedValue) => Split(protectedValue).Kid != ring.Current.Id;

    private static string Index(PiiKey key, string plaintext) =>
        $"{key.Id}:{Convert.ToBase64String(key.Index.ComputeHash(Encoding.UTF8.GetBytes(plaintext)))}";

    private static byte[] AssociatedData(string kid) => Encoding.UTF8.GetBytes($"{Prefix}:{kid}");

    private static (string Kid, byte[] Payload) Split(string protectedValue)
    {
        var parts = protectedValue.Split(':');
        if (parts.Length != 3 || parts[0] != Prefix)
        {
            throw new CryptographicException("The value is not a protected PII value.");
        }

        var payload = Convert.FromBase64String(parts[2]);
        return payload.Length < NonceBytes + TagBytes ? throw new CryptographicException("The protected value is truncated.") : (parts[1], payload);
    }
}
