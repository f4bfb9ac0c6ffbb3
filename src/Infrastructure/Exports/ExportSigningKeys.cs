using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PayrollPortal.Infrastructure.Exports;

/// <summary>
/// The keys of <c>EXPORT_HMAC_SECRET</c>: <c>kid:secret</c> pairs separated by commas. The first signs new links and every
/// key verifies, so rotating is: put the new key first, keep the old one listed until its links have expired (24 hours at
/// most), then remove it. No value means links are not signed.
/// </summary>
public sealed partial class ExportSigningKeys
{
    public const string Variable = "EXPORT_HMAC_SECRET";
    public const int MinimumSecretBytes = 32;

    private ExportSigningKeys(IReadOnlyList<ExportSigningKey> keys) => Keys = keys;

    public static ExportSigningKeys None { get; } = new([]);

    public IReadOnlyList<ExportSigningKey> Keys { get; }

    public ExportSigningKey? Signing => Keys.Count > 0 ? Keys[0] : null;

    public ExportSigningKey? Find(string? id) => id is null ? null : Keys.FirstOrDefault(k => string.Equals(k.Id, id, StringComparison.Ordinal));

    public static ExportSigningKeys Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        var keys = new List<ExportSigningKey>();
        var position = 0;
        foreach (var entry in value.Split(','))
        {
            position++;
            var trimmed = entry.Trim();
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new ExportSigningKeyException($"{Variable}: entry {position} is not kid:secret.");
            }

            var id = trimmed[..colon];
            var secret = Encoding.UTF8.GetBytes(trimmed[(colon + 1)..]);
            if (!KeyId().IsMatch(id))
            {
                throw new ExportSigningKeyException($"{Variable}: entry {position} has a key id that is not 1-32 characters of A-Z, a-z, 0-9, '_' or '-'.");
            }

            if (secret.Length < MinimumSecretBytes)
            {
                throw new ExportSigningKeyException(
                    $"{Variable}: the secret of key '{id}' is shorter than {MinimumSecretBytes} bytes; use e.g. `openssl rand -base64 32`.");
            }

            if (keys.Any(k => k.Id == id))
            {
                throw new ExportSigningKeyException($"{Variable}: key id '{id}' is listed twice.");
            }

            keys.Add(new ExportSigningKey(id, secret));
        }

        return new ExportSigningKeys(keys);
    }

    /// <summary>A fresh <c>kid:secret</c> entry (32 random bytes, base64url): for tests and for operators' scripts.</summary>
    public static string NewEntry(string id) => $"{id}:{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyId();
}
