namespace PayrollPortal.Application.Exports;

/// <summary>Issues and verifies download links (HMAC-signed when <c>EXPORT_HMAC_SECRET</c> is set).</summary>
public interface IExportLinks
{
    /// <summary>The path of the download endpoint that every link points at.</summary>
    const string DownloadPath = "/api/exports/download";

    /// <summary>True when a signing key is configured.</summary>
    bool SigningEnabled { get; }

    /// <summary>
    /// A link to <paramref name="target"/>, signed and expiring after <paramref name="lifetime"/> when signing is enabled,
    /// naming <paramref name="issuedBy"/> so that the download can check the issuer still has export rights.
    /// </summary>
    ExportLinkDto Issue(ExportTarget target, TimeSpan lifetime, Guid? issuedBy = null);

    /// <summary>
    /// The target a signed request grants, or null when anything is wrong with it (expired, tampered, unknown key, missing
    /// or non-canonical signature); the caller must not tell which.
    /// </summary>
    SignedExport? Verify(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query);
}
