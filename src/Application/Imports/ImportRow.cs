namespace PayrollPortal.Application.Imports;

/// <summary>One data row: its spreadsheet row number (the header is row 1) and its cells in header order, blank as null.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string?> Cells)
{
    /// <summary>
    /// A row every import passes over: blank (spreadsheets leave some at the end) or a template's notes row, whose first cell
    /// starts with <c>#</c>.
    /// </summary>
    public bool IsSkipped =>
        Cells.All(c => string.IsNullOrWhiteSpace(c)) || (Cells.Count > 0 && Cells[0]?.TrimStart().StartsWith('#') == true);
}
