namespace PayrollPortal.Application.Imports;

/// <summary>One data row: its spreadsheet row number (the header is row 1) and its cells in header order, blank as null.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string?> Cells);
