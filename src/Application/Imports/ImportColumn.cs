namespace PayrollPortal.Application.Imports;

/// <summary>A column of an import file: its header (matched case-insensitively), what it holds, the template's example and note.</summary>
/// <param name="Values">For a choice, the values it takes (the XLSX template offers them as a list).</param>
public sealed record ImportColumn(string Name, ImportColumnKind Kind, string Example, string Note, IReadOnlyList<string>? Values = null);
