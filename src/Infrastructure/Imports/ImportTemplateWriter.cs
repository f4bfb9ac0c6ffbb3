using System.Text;
using PayrollPortal.Application.Imports;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Validations;

namespace PayrollPortal.Infrastructure.Imports;

/// <summary>
/// Import templates as CSV and as XLSX (SpreadCheetah, with a list validation for each choice column). A list too long to
/// write into the validation itself (Excel's 255 characters: the 51 work states) is written on a third sheet, Lists, and the
/// validation refers to its cells.
/// </summary>
internal sealed class ImportTemplateWriter : IImportTemplateWriter
{
    /// <summary>Rows of the XLSX template that offer the lists (an import of more rows is fine; the lists are a help).</summary>
    public const int ValidatedRows = 10_000;

    public const string ListsSheet = "Lists";

    public byte[] WriteCsv(ImportTemplate template)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', template.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        text.AppendJoin(',', template.Columns.Select(c => Quote(c.Example))).Append("\r\n");
        text.AppendJoin(',', template.Columns.Select((c, i) => Quote((i == 0 ? "# " : string.Empty) + Note(c)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public async Task<byte[]> WriteXlsxAsync(ImportTemplate template, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken))
        {
            await spreadsheet.StartWorksheetAsync("Employees", null, cancellationToken);
            var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
            var longLists = new List<ImportColumn>();
            await spreadsheet.AddRowAsync(template.Columns.Select(c => new Cell(c.Name, bold)).ToArray(), cancellationToken);
            await spreadsheet.AddRowAsync(template.Columns.Select(c => new Cell(c.Example)).ToArray(), cancellationToken);
            for (var i = 0; i < template.Columns.Count; i++)
            {
                var column = template.Columns[i];
                var letters = Letters(i);
                spreadsheet.AddNote($"{letters}1", Note(column));
                if (column.Values is { Count: > 0 } values)
                {
                    if (!DataValidation.TryCreateListValues(values, true, out var validation))
                    {
                        var listLetters = Letters(longLists.Count);
                        longLists.Add(column);
                        validation = DataValidation.ListValuesFromCells(ListsSheet, $"${listLetters}$2:${listLetters}${values.Count + 1}");
                    }

                    spreadsheet.AddDataValidation($"{letters}2:{letters}{ValidatedRows + 1}", validation!);
                }
            }

            await spreadsheet.StartWorksheetAsync("Notes", null, cancellationToken);
            await spreadsheet.AddRowAsync([new Cell("Column", bold), new Cell("Holds", bold), new Cell("Values", bold), new Cell("Note", bold)], cancellationToken);
            foreach (var column in template.Columns)
            {
                await spreadsheet.AddRowAsync(
                    [new Cell(column.Name), new Cell(column.Kind.ToString().ToLowerInvariant()), new Cell(string.Join(", ", column.Values ?? [])), new Cell(column.Note)],
                    cancellationToken);
            }

            await spreadsheet.AddRowAsync([new Cell("Only the first sheet is imported. Header names are case-insensitive; row 2 is an example: replace it. Formulas are refused.")], cancellationToken);
            if (longLists.Count > 0)
            {
                // One column per long list, its column's name on row 1 and the values below.
                await spreadsheet.StartWorksheetAsync(ListsSheet, null, cancellationToken);
                await spreadsheet.AddRowAsync(longLists.Select(c => new Cell(c.Name, bold)).ToArray(), cancellationToken);
                for (var row = 0; row < longLists.Max(c => c.Values!.Count); row++)
                {
                    await spreadsheet.AddRowAsync(longLists.Select(c => new Cell(row < c.Values!.Count ? c.Values[row] : null)).ToArray(), cancellationToken);
                }
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return output.ToArray();
    }

    private static string Note(ImportColumn column) =>
        column.Values is { Count: > 0 } values ? $"{column.Note} One of: {string.Join(", ", values)}." : column.Note;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string Letters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }

        return letters;
    }
}
