namespace PayrollPortal.Application.Exports;

/// <summary>A verified link: what it grants, the key id that signed it, and who issued it.</summary>
/// <param name="IssuedBy">The issuing user; null for a link issued before links named their issuer (honoured until it
/// expires, at most 24 hours) or by the operator.</param>
public sealed record SignedExport(ExportTarget Target, string KeyId, DateTimeOffset ExpiresAt, Guid? IssuedBy = null);
