namespace PayrollPortal.Application.Imports;

/// <summary>
/// A file read into rows of text. Nothing is interpreted yet: a number, a date or an identifier is the cell's text.
/// <see cref="Problems"/> are the cells the reader refused on its own (a formula in an XLSX cell), reported beside the
/// rules' problems.
/// </summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems);
