namespace PayrollPortal.Application.Imports;

/// <summary>An import file's template: its columns in order, with an example and a note each.</summary>
/// <param name="Name">The file's base name (<c>employees-acme</c>).</param>
public sealed record ImportTemplate(string Name, IReadOnlyList<ImportColumn> Columns);
