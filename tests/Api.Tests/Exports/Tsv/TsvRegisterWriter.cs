using System.Text;
using PayrollPortal.Application.Exports;

namespace PayrollPortal.Api.Tests.Exports.Tsv;

/// <summary>
/// A third register format that lives only in the tests: tab-separated values, LF line ends, no quoting (a tab or line
/// break inside a cell becomes a space). Registered by the test host alone, so no file under <c>src/</c> names it.
/// </summary>
internal sealed class TsvRegisterWriter : IRegisterFileWriter
{
    public const string MediaType = "text/tab-separated-values";

    public ExportFormat Format { get; } = new("tsv");

    public string ContentType => MediaType + "; charset=utf-8";

    public string FileExtension => "tsv";

    public async Task<RegisterSummary> WriteAsync(
        Stream output, RegisterDocument document, IAsyncEnumerable<PayrollRegisterRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        var layout = document.Layout;
        await writer.WriteLineAsync(Line(layout.Headers));

        using var tally = new RegisterTally(layout.MoneyColumns.Count);
        var cells = new string[layout.Headers.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            RegisterLayout.Texts(row, cells, layout);
            tally.Add(row, cells);
            await writer.WriteLineAsync(Line(cells));
        }

        var summary = tally.Finish();
        string[] totals =
        [
            RegisterLayout.TotalLabel(document.IsDraft),
            .. Enumerable.Repeat(string.Empty, RegisterLayout.FirstMoneyColumn - 1),
            .. summary.Totals.Select(layout.AmountText),
            .. Enumerable.Repeat(string.Empty, layout.TextColumns.Count + 1), // the text columns and the payroll id stay blank
        ];
        await writer.WriteLineAsync(Line(totals));
        await writer.FlushAsync(cancellationToken);
        return summary;
    }

    private static string Line(IEnumerable<string> cells) =>
        string.Join('\t', cells.Select(c => c.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ')));
}
