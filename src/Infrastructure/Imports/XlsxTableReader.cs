using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PayrollPortal.Application.Imports;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Infrastructure.Imports;

/// <summary>
/// The first worksheet of an XLSX workbook as rows of text: DocumentFormat.OpenXml opens the package, the sheet's XML is read
/// forward with <see cref="System.Xml.XmlReader"/> (ADR 0016).
/// The ZIP's directory is checked first (entries, total uncompressed size, compression ratio), so a ZIP bomb is refused
/// before anything is inflated. Formulas are never evaluated: a cell holding one is a problem, whatever its cached value.
/// Numbers in a date format become <c>yyyy-mm-dd</c>; other numbers their shortest invariant text.
/// </summary>
internal static class XlsxTableReader
{
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    public static Result<ImportTable> Read(ReadOnlyMemory<byte> content, XlsxLimits limits)
    {
        var bytes = content.ToArray();
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            return ImportErrors.NotXlsx;
        }

        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > limits.MaxEntries)
                {
                    return ImportErrors.ZipBomb;
                }

                long total = 0;
                foreach (var entry in zip.Entries)
                {
                    total += entry.Length;
                    if (total > limits.MaxUncompressedBytes || (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxRatio * Math.Max(1, entry.CompressedLength)))
                    {
                        return ImportErrors.ZipBomb;
                    }
                }
            }

            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false);
            if (document.WorkbookPart is not { } workbook
                || workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() is not { Id.Value: { } sheetId }
                || workbook.GetPartById(sheetId) is not WorksheetPart sheet)
            {
                return ImportErrors.NotXlsx;
            }

            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            return ReadSheet(sheet, strings, dateStyles);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            return ImportErrors.NotXlsx;
        }
    }

    /// <summary>
    /// The sheet's XML read forward with <see cref="System.Xml.XmlReader"/>: a cell is its <c>r</c>, <c>t</c> and <c>s</c>
    /// attributes and its <c>v</c>, <c>is</c> or <c>f</c> child, without building the SDK's element objects for each.
    /// </summary>
    private static Result<ImportTable> ReadSheet(WorksheetPart sheet, string[] strings, HashSet<uint> dateStyles)
    {
        var rows = new SortedDictionary<int, string?[]>();
        var formulas = new List<(int Row, int Column)>();
        var current = new Dictionary<int, string?>();
        var rowNumber = 0;
        using var stream = sheet.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        while (xml.Read())
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "row")
            {
                rowNumber = xml.GetAttribute("r") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : rowNumber + 1;
                current = [];
                var empty = xml.IsEmptyElement;
                if (!empty)
                {
                    ReadRow(xml, rowNumber, current, formulas, strings, dateStyles);
                }

                rows[rowNumber] = current.Count == 0 ? [] : Enumerable.Range(0, current.Keys.Max() + 1).Select(i => current.GetValueOrDefault(i)).ToArray();
            }
        }

        if (!rows.TryGetValue(1, out var header) || header.All(string.IsNullOrWhiteSpace))
        {
            return ImportErrors.HeaderRequired;
        }

        var names = header.Select(h => h ?? string.Empty).ToList();
        string ColumnName(int index) => index < names.Count && names[index].Length > 0 ? names[index] : ColumnLetters(index);
        var problems = formulas.Select(f => new ImportProblem(f.Row, ColumnName(f.Column), "import.formula",
            "The cell holds a formula; formulas are never evaluated. Paste the values instead (Paste Special, Values).")).ToList();
        var data = rows.Where(r => r.Key > 1).Select(r => new ImportRow(r.Key, r.Value)).ToList();
        return new ImportTable(names, data, problems);
    }

    /// <summary>The cells of one <c>row</c> element, the reader on its start; leaves it on the row's end.</summary>
    private static void ReadRow(
        System.Xml.XmlReader xml, int rowNumber, Dictionary<int, string?> cells, List<(int Row, int Column)> formulas, string[] strings, HashSet<uint> dateStyles)
    {
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == System.Xml.XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "c")
            {
                ReadCell(xml, rowNumber, cells, formulas, strings, dateStyles);
                continue;
            }

            xml.Read();
        }
    }

    /// <summary>One <c>c</c> element, the reader on its start; leaves it on the node after the cell.</summary>
    private static void ReadCell(
        System.Xml.XmlReader xml, int rowNumber, Dictionary<int, string?> cells, List<(int Row, int Column)> formulas, string[] strings, HashSet<uint> dateStyles)
    {
        var column = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) : cells.Count;
        var type = xml.GetAttribute("t");
        uint? style = xml.GetAttribute("s") is { } s && uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }

        string? value = null;
        var inline = new System.Text.StringBuilder();
        var formula = false;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == System.Xml.XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "f":
                        formula = true;
                        xml.Skip();
                        continue;
                    case "v":
                        value = xml.ReadElementContentAsString();
                        continue;
                    case "t" when type == "inlineStr":
                        inline.Append(xml.ReadElementContentAsString());
                        continue;
                }
            }

            xml.Read();
        }

        xml.Read();
        if (formula)
        {
            formulas.Add((rowNumber, column));
            return;
        }

        cells[column] = type == "inlineStr" ? inline.ToString() : Text(type, value, style, strings, dateStyles);
    }

    private static string? Text(string? type, string? value, uint? style, string[] strings, HashSet<uint> dateStyles)
    {
        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? strings[i] : null;
            case "b":
                return value == "1" ? "true" : "false";
            case null or "n":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return value;
                }

                if (style is { } s && dateStyles.Contains(s) && number is >= 1 and < 2958466)
                {
                    return Epoch.AddDays((int)Math.Floor(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                return Math.Abs(number) < 1e15 ? ((decimal)number).ToString(CultureInfo.InvariantCulture) : value;
            default:
                return value; // str (a formula's cached text, refused above), e (an error value such as #N/A), d (an ISO date)
        }
    }

    /// <summary>The cell styles whose number format shows a date: the built-in date formats and custom ones with d, m or y outside quotes.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var dateFormats = new HashSet<uint> { 14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57 };
        foreach (var format in styles?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code && IsDateCode(code))
            {
                dateFormats.Add(id);
            }
        }

        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var xf in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (xf.NumberFormatId?.Value is { } id && dateFormats.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateCode(string code)
    {
        var outside = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in code)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                outside.Append(char.ToLowerInvariant(c));
            }
        }

        var text = outside.ToString();
        return text.Contains('y', StringComparison.Ordinal) || text.Contains('d', StringComparison.Ordinal)
            || (text.Contains('m', StringComparison.Ordinal) && !text.Contains('h', StringComparison.Ordinal) && !text.Contains('s', StringComparison.Ordinal));
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }

        return letters;
    }
}
