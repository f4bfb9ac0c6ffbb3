using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PayrollPortal.Application.Exports;

namespace PayrollPortal.Infrastructure.Exports;

/// <summary>
/// Download links <c>/api/exports/download?company=&amp;scope=&amp;format=&amp;exp=&amp;kid=&amp;by=&amp;sig=</c> (<c>by</c>, the
/// issuing user, since issue 19; older links have none). <c>sig</c> is the
/// base64url HMAC-SHA256 of the canonical string <c>METHOD\nPATH\nQUERY</c>, where QUERY is every query parameter but
/// <c>sig</c>, each name and value percent-encoded (RFC 3986) and sorted by name then value, joined as <c>n=v&amp;...</c>.
/// <c>exp</c> is Unix seconds; 60 s of clock skew is allowed. <c>sig</c> must be the one canonical spelling (43 characters,
/// no padding).
/// </summary>
public sealed class HmacExportLinks(ExportSigningKeys keys, TimeProvider clock, ExportFormats formats) : IExportLinks
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);

    private const int SignatureBytes = 32;

    // Stands in for an unknown kid so that every failure costs one HMAC, whichever part failed.
    private static readonly byte[] DecoyKey = RandomNumberGenerator.GetBytes(32);

    public bool SigningEnabled => keys.Signing is not null;

    public ExportLinkDto Issue(ExportTarget target, TimeSpan lifetime, Guid? issuedBy = null)
    {
        List<KeyValuePair<string, string>> query =
        [
            new(ExportLinkParameters.Company, target.CompanyId.ToString("D")),
            new(ExportLinkParameters.Scope, target.Scope.ToToken()),
            new(ExportLinkParameters.Format, target.Format.Name),
        ];
        if (keys.Signing is not { } key)
        {
            return new ExportLinkDto(IExportLinks.DownloadPath + "?" + Canonical.Query(query), null);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(
            clock.GetUtcNow().Add(lifetime < MaxLifetime ? lifetime : MaxLifetime).ToUnixTimeSeconds());
        query.Add(new(ExportLinkParameters.Expires, expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        query.Add(new(ExportLinkParameters.KeyId, key.Id));
        if (issuedBy is { } issuer)
        {
            query.Add(new(ExportLinkParameters.IssuedBy, issuer.ToString("D")));
        }

        var signature = Base64Url.EncodeToString(Sign(key.Secret, Canonical.ForRequest("GET", IExportLinks.DownloadPath, query)));
        return new ExportLinkDto(IExportLinks.DownloadPath + "?" + Canonical.Query(query) + "&" + ExportLinkParameters.Signature + "=" + signature, expiresAt);
    }

    public SignedExport? Verify(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        // Every check runs and the verdicts are combined at the end, so the time taken does not say which part failed.
        var valid = query.GroupBy(p => p.Key, StringComparer.Ordinal).All(g => g.Count() == 1);
        var sig = Single(query, ExportLinkParameters.Signature);
        var kid = Single(query, ExportLinkParameters.KeyId);
        var key = keys.Find(kid);
        valid &= sig is not null && key is not null;

        var expected = Sign(key?.Secret ?? DecoyKey, Canonical.ForRequest(method, path, [.. query.Where(p => p.Key != ExportLinkParameters.Signature)]));
        var provided = new byte[SignatureBytes];
        valid &= sig is not null && Base64Url.IsValid(sig, out var length) && length == SignatureBytes
            && Base64Url.TryDecodeFromChars(sig, provided, out _);

        // One spelling per signature: padding, or trailing bits the decoder ignores, would let a link be re-spelled.
        valid &= sig is not null && string.Equals(sig, Base64Url.EncodeToString(provided), StringComparison.Ordinal);
        valid &= CryptographicOperations.FixedTimeEquals(expected, provided);

        var now = clock.GetUtcNow();
        var expires = long.TryParse(Single(query, ExportLinkParameters.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out var exp) && exp < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : DateTimeOffset.MinValue;
        valid &= now <= expires + Skew && expires <= now + MaxLifetime + Skew;

        valid &= Guid.TryParseExact(Single(query, ExportLinkParameters.Company), "D", out var companyId);
        valid &= ExportScope.TryParse(Single(query, ExportLinkParameters.Scope), out var scope);
        valid &= formats.TryParse(Single(query, ExportLinkParameters.Format), out var format);
        Guid? issuedBy = null;
        if (query.Any(p => p.Key == ExportLinkParameters.IssuedBy))
        {
            valid &= Guid.TryParseExact(Single(query, ExportLinkParameters.IssuedBy), "D", out var issuer);
            issuedBy = issuer;
        }

        return valid ? new SignedExport(new ExportTarget(companyId, scope, format), kid!, expires, issuedBy) : null;
    }

    private static byte[] Sign(byte[] secret, string canonical) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical));

    private static string? Single(IReadOnlyList<KeyValuePair<string, string>> query, string name)
    {
        string? found = null;
        foreach (var (key, value) in query)
        {
            if (key == name)
            {
                if (found is not null)
                {
                    return null;
                }

                found = value;
            }
        }

        return found;
    }

    /// <summary>The canonical forms, public so that tests and other clients can build them the same way.</summary>
    public static class Canonical
    {
        public static string ForRequest(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query) =>
            method.ToUpperInvariant() + "\n" + path + "\n" + Query(query);

        public static string Query(IEnumerable<KeyValuePair<string, string>> query) => string.Join('&', query
            .Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }
}
