using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PayrollPortal.Api.Tests.Exports;

/// <summary>Reads an XLSX back with the Open XML SDK: cells with their type, stored value and number format.</summary>
internal sealed class Xlsx : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public Xlsx(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public IReadOnlyList<string> SheetNames => [.. Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    private WorkbookPart Workbook => _document.WorkbookPart!;

    public Worksheet Sheet(string name) =>
        ((WorksheetPart)Workbook.GetPartById(Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!)).Worksheet;

    public List<XlsxCell[]> Rows(string sheet) =>
        [.. Sheet(sheet).Descendants<Row>().Select(r => r.Elements<Cell>().Select(ToCell).ToArray())];

    public void Dispose() => _document.Dispose();

    private XlsxCell ToCell(Cell cell)
    {
        var type = cell.DataType?.Value;
        var text = type == CellValues.InlineString ? cell.InlineString?.InnerText
            : type == CellValues.SharedString ? Workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
            : cell.CellValue?.Text;
        var isText = type == CellValues.InlineString || type == CellValues.SharedString || type == CellValues.String;
        return new XlsxCell(isText, text ?? string.Empty, FormatCode(cell.StyleIndex?.Value ?? 0), cell.CellFormula is not null);
    }

    private string? FormatCode(uint styleIndex)
    {
        var styles = Workbook.WorkbookStylesPart?.Stylesheet;
        var format = styles?.CellFormats?.Elements<CellFormat>().ElementAtOrDefault((int)styleIndex);
        var id = format?.NumberFormatId?.Value ?? 0;
        return styles?.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value;
    }
}
