using PayrollPortal.Application.Exports;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace PayrollPortal.Infrastructure.Exports;

/// <summary>
/// XLSX through SpreadCheetah, which writes the package as it goes: a <c>Register</c> sheet (frozen bold header, column
/// widths, dates as date cells, amounts as numeric cells with a money format, guarded text, a bold totals row) and a
/// <c>Meta</c> sheet written after the rows, when the row count and the rows' SHA-256 are known.
/// </summary>
internal sealed class XlsxRegisterWriter : IRegisterFileWriter
{
    public const string MoneyFormat = "#,##0.00";
    public const string DateFormat = "yyyy-mm-dd";
    public const string InstantFormat = "yyyy-mm-dd hh:mm:ss";

    private static readonly SpreadCheetahOptions Options = new() { CompressionLevel = SpreadCheetahCompressionLevel.Fastest };

    public ExportFormat Format { get; } = new("xlsx");

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string FileExtension => "xlsx";

    public async Task<RegisterSummary> WriteAsync(
        Stream output, RegisterDocument document, IAsyncEnumerable<PayrollRegisterRow> rows, CancellationToken cancellationToken)
    {
        await using var body = new AsyncWriteStream(output);
        RegisterSummary summary;
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(body, Options, cancellationToken))
        {
            summary = await WriteSheetsAsync(spreadsheet, document, rows, cancellationToken);
            await spreadsheet.FinishAsync(cancellationToken);
        }

        // The ZIP's last entry ends with a synchronous write when the spreadsheet is disposed; send it now.
        await body.FlushAsync(cancellationToken);
        return summary;
    }

    private static async Task<RegisterSummary> WriteSheetsAsync(
        Spreadsheet spreadsheet, RegisterDocument document, IAsyncEnumerable<PayrollRegisterRow> rows, CancellationToken cancellationToken)
    {
        var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var layout = document.Layout;
        var money = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(layout.MoneyFormat) });
        var boldMoney = spreadsheet.AddStyle(new Style { Font = { Bold = true }, Format = NumberFormat.Custom(layout.MoneyFormat) });
        var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(DateFormat) });
        var instant = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(InstantFormat) });

        await spreadsheet.StartWorksheetAsync(document.IsDraft ? "Register DRAFT" : "Register", RegisterSheetOptions(layout), cancellationToken);
        var headers = layout.Headers;
        var cells = new Cell[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            cells[i] = new Cell(headers[i], bold);
        }

        await spreadsheet.AddRowAsync(cells, cancellationToken);

        using var tally = new RegisterTally(layout.MoneyColumns.Count);
        var texts = new string[headers.Count];
        var last = headers.Count - 1;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            RegisterLayout.Texts(row, texts, layout);
            tally.Add(row, texts);
            cells[0] = new Cell(texts[0]);
            cells[1] = new Cell(texts[1]);
            cells[2] = new Cell(row.PayDate.ToDateTime(TimeOnly.MinValue), date);
            cells[3] = new Cell(row.PeriodStart.ToDateTime(TimeOnly.MinValue), date);
            cells[4] = new Cell(row.PeriodEnd.ToDateTime(TimeOnly.MinValue), date);
            cells[5] = new Cell(texts[5]);
            for (var i = 0; i < row.Amounts.Length; i++)
            {
                cells[RegisterLayout.FirstMoneyColumn + i] = new Cell(layout.Amount(row.Amounts[i]), money);
            }

            for (var i = RegisterLayout.FirstMoneyColumn + row.Amounts.Length; i <= last; i++)
            {
                cells[i] = new Cell(texts[i]);
            }
            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }

        var summary = tally.Finish();
        cells[0] = new Cell(RegisterLayout.TotalLabel(document.IsDraft), bold);
        for (var i = 1; i < RegisterLayout.FirstMoneyColumn; i++)
        {
            cells[i] = new Cell(string.Empty);
        }

        for (var i = 0; i < summary.Totals.Length; i++)
        {
            cells[RegisterLayout.FirstMoneyColumn + i] = new Cell(layout.Amount(summary.Totals[i]), boldMoney);
        }

        for (var i = RegisterLayout.FirstMoneyColumn + summary.Totals.Length; i <= last; i++)
        {
            cells[i] = new Cell(string.Empty);
        }
        await spreadsheet.AddRowAsync(cells, cancellationToken);

        await WriteMetaAsync(spreadsheet, document, summary, bold, instant, cancellationToken);
        return summary;
    }

    private static WorksheetOptions RegisterSheetOptions(RegisterColumns layout)
    {
        var options = new WorksheetOptions { FrozenRows = 1 };
        options.Column(1).Width = 30;
        options.Column(2).Width = 11;
        for (var column = 3; column <= 5; column++)
        {
            options.Column(column).Width = 12;
        }

        options.Column(6).Width = 10;
        for (var i = 0; i < layout.MoneyColumns.Count; i++)
        {
            options.Column(RegisterLayout.FirstMoneyColumn + 1 + i).Width = 15;
        }

        for (var i = 0; i < layout.TextColumns.Count; i++)
        {
            options.Column(RegisterLayout.FirstMoneyColumn + layout.MoneyColumns.Count + 1 + i).Width = 12;
        }

        options.Column(layout.Headers.Count).Width = 38;
        return options;
    }

    private static async Task WriteMetaAsync(
        Spreadsheet spreadsheet, RegisterDocument document, RegisterSummary summary, StyleId bold, StyleId instant, CancellationToken cancellationToken)
    {
        var options = new WorksheetOptions();
        options.Column(1).Width = 22;
        options.Column(2).Width = 70;
        await spreadsheet.StartWorksheetAsync("Meta", options, cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Field", bold), new Cell("Value", bold)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Company"), new Cell(FormulaGuard.Neutralise(document.CompanyName))], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Company slug"), new Cell(document.CompanySlug)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Scope"), new Cell(document.Scope.Describe())], cancellationToken);
        await spreadsheet.AddRowAsync(
            [new Cell("Status"), new Cell(document.IsDraft ? "DRAFT - not approved; figures may change" : "Approved payrolls only")], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Generated at (UTC)"), new Cell(document.GeneratedAt.UtcDateTime, instant)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Generated by"), new Cell(FormulaGuard.Neutralise(document.GeneratedBy))], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Request ID"), new Cell(document.RequestId)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Row count"), new Cell(summary.RowCount)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Rows SHA-256"), new Cell(summary.Sha256)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell("Amounts"), new Cell(document.Layout.AmountsNote)], cancellationToken);
    }
}
