using CsvHelper;
using PayrollPortal.Application.Exports;

namespace PayrollPortal.Infrastructure.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8 (with a byte order mark, so spreadsheets read names with accents correctly), CRLF line ends: a
/// header, one row per line as it arrives from the reader, and a totals row. Amounts are plain decimals with two places (whole numbers for KRW).
/// </summary>
internal sealed class CsvRegisterWriter : IRegisterFileWriter
{
    // Formula injection is guarded per text cell by FormulaGuard (shared with XLSX and the row hash), so CsvHelper's own
    // injection handling stays off.
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\r\n",
        Injection = CsvInjection.None,
        WriteByteOrderMark = true,
        BufferSize = 32 * 1024,
    };

    public ExportFormat Format { get; } = new("csv");

    public string ContentType => "text/csv; charset=utf-8; header=present";

    public string FileExtension => "csv";

    public async Task<RegisterSummary> WriteAsync(
        Stream output, RegisterDocument document, IAsyncEnumerable<PayrollRegisterRow> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        var layout = document.Layout;
        foreach (var header in layout.Headers)
        {
            csv.WriteField(header);
        }

        await csv.EndRecordAsync(cancellationToken);
        await csv.FlushAsync(cancellationToken);

        using var tally = new RegisterTally(layout.MoneyColumns.Count);
        var cells = new string[layout.Headers.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            RegisterLayout.Texts(row, cells, layout);
            tally.Add(row, cells);
            foreach (var cell in cells)
            {
                csv.WriteField(cell);
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        var summary = tally.Finish();
        csv.WriteField(RegisterLayout.TotalLabel(document.IsDraft));
        for (var i = 1; i < RegisterLayout.FirstMoneyColumn; i++)
        {
            csv.WriteField(string.Empty);
        }

        foreach (var total in summary.Totals)
        {
            csv.WriteField(layout.AmountText(total));
        }

        for (var i = 0; i <= layout.TextColumns.Count; i++)
        {
            csv.WriteField(string.Empty);
        }
        await csv.EndRecordAsync(cancellationToken);
        await csv.FlushAsync(cancellationToken);
        return summary;
    }
}
