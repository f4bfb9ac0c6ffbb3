namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// One table as of a backup: its row count and, for the tables that hold payroll data, a SHA-256 over every row in key order
/// (null for the operational tables, which are counted only).
/// </summary>
public sealed record TableSummary(string Table, long Rows, string? ContentSha256);
