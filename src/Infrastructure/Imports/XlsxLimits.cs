namespace PayrollPortal.Infrastructure.Imports;

/// <summary>
/// How far an XLSX may expand, checked on the ZIP's directory before any part is read: a ZIP bomb is refused unread. An
/// honest workbook of 10,000 employees expands to a few megabytes at a ratio of about 5 to 10.
/// </summary>
internal sealed record XlsxLimits(long MaxUncompressedBytes = 256L * 1024 * 1024, int MaxRatio = 100, int MaxEntries = 1_000);
