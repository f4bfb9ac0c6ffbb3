namespace PayrollPortal.Application.Exports;

/// <summary>What a finished file held: the data rows, their SHA-256 (lowercase hex) and the totals in cents.</summary>
public sealed record RegisterSummary(int RowCount, string Sha256, long[] Totals);
