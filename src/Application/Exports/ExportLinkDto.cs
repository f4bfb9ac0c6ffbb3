namespace PayrollPortal.Application.Exports;

/// <summary>
/// A download link, relative to the API's base URL. <see cref="ExpiresAt"/> is null when links are not signed
/// (no <c>EXPORT_HMAC_SECRET</c>): such a link needs an authenticated session.
/// </summary>
public sealed record ExportLinkDto(string Url, DateTimeOffset? ExpiresAt);
