using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PayrollPortal.Infrastructure.Security;

/// <summary>
/// The keys that protect SSNs, from <c>PII_ENCRYPTION_KEYS</c> (<c>kid:base64key,...</c>, 32-byte keys). The first key
/// encrypts and indexes; every key decrypts, so keys can rotate: put the new key first, then run <c>payroll pii rotate</c>.
/// </summary>
public sealed partial class PiiKeyRing : IDisposable
{
    public const string Variable = "PII_ENCRYPTION_KEYS";
    public const int KeyBytes = 32;

    private PiiKeyRing(IReadOnlyList<PiiKey> keys) => Keys = keys;

    public IReadOnlyList<PiiKey> Keys { get; }

    public PiiKey Current => Keys[0];

    public static PiiKeyRing Parse(string value)
    {
        var keys = new List<PiiKey>();
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var kid = colon > 0 ? entry[..colon] : string.Empty;
            if (!KeyId().IsMatch(kid))
            {
                throw new PiiKeyException($"{Variable} is malformed: each entry must be kid:base64key with a kid of letters, digits, '-' or '_' (entry {keys.Count + 1}).");
            }

            byte[] material;
            try
            {
                material = Convert.FromBase64String(entry[(colon + 1)..]);
            }
            catch (FormatException)
            {
                throw new PiiKeyException($"{Variable}: the key '{kid}' is not valid base64.");
            }

            if (material.Length != KeyBytes)
            {
                throw new PiiKeyException($"{Variable}: the key '{kid}' must be {KeyBytes} bytes (base64 of 32 random bytes), not {material.Length}.");
            }

            if (keys.Any(k => k.Id == kid))
            {
                throw new PiiKeyException($"{Variable}: the key id '{kid}' appears twice.");
            }

            keys.Add(new PiiKey(kid, material));
        }

        return keys.Count == 0 ? throw new PiiKeyException($"{Variable} holds no keys.") : new PiiKeyRing(keys);
    }

    /// <summary>A new key entry, for development key files and for operators (<c>payroll pii new-key</c>).</summary>
    public static string NewEntry(string kid) => $"{kid}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))}";

    public PiiKey? Find(string kid) => Keys.FirstOrDefault(k => k.Id == kid);

    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Dispose();
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyId();
}
