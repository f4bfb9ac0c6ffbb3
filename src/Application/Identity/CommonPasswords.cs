using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// The shipped list of commonly used and breached passwords (Identity/CommonPasswords: 437,651 entries from SecLists, MIT;
/// provenance in its README). Loaded once, on the first check, into a sorted array of 64-bit fingerprints of each
/// lower-cased entry (about 3.5 MB instead of tens of MB of strings); the chance that an unlisted password shares a
/// fingerprint with a listed one is about 2^-45.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "PayrollPortal.Application.Identity.common-passwords.txt.gz";
    private static readonly Lazy<ulong[]> Fingerprints = new(Load);

    /// <summary>How many distinct entries the list holds.</summary>
    public static int Count => Fingerprints.Value.Length;

    /// <summary>True when the password, ignoring case, is on the list.</summary>
    public static bool Contains(string password) => Array.BinarySearch(Fingerprints.Value, FingerprintOf(password)) >= 0;

    private static ulong FingerprintOf(string password)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(password.ToLowerInvariant()), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    private static ulong[] Load()
    {
        using var resource = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress), Encoding.UTF8);
        var fingerprints = new List<ulong>(440_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                fingerprints.Add(FingerprintOf(line));
            }
        }

        return [.. fingerprints.Distinct().Order()];
    }
}
