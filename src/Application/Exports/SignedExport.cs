namespace PayrollPortal.Application.Exports;

/// <summary>A verified link: what it grants and the key id that signed it.</summary>
public sealed record SignedExport(ExportTarget Target, string KeyId, DateTimeOffset ExpiresAt);
