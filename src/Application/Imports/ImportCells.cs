namespace PayrollPortal.Application.Imports;

/// <summary>One row's cells by column name (case-insensitive), trimmed; a blank cell or a column the file lacks reads as null.</summary>
public sealed class ImportCells(IReadOnlyDictionary<string, int> columns, ImportRow row)
{
    public int Row => row.Number;

    public string? this[string column] =>
        columns.TryGetValue(column, out var index) && index < row.Cells.Count && row.Cells[index] is { } text && text.Trim() is { Length: > 0 } trimmed
            ? trimmed
            : null;

    /// <summary>Whether any of these columns has a value in the row.</summary>
    public bool AnyOf(IEnumerable<string> names) => names.Any(name => this[name] is not null);
}
