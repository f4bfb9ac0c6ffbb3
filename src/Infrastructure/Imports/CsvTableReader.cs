using System.Text;
using PayrollPortal.Application.Imports;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Infrastructure.Imports;

/// <summary>
/// CSV as RFC 4180 (comma-separated, fields quoted with <c>"</c> and <c>""</c> inside quotes, CRLF or LF), decoded strictly
/// as UTF-8: a byte sequence that is not UTF-8 (Windows-1252, UTF-16) refuses the file rather than turning names into
/// replacement characters. A record is a spreadsheet row, the header being row 1, even when a quoted cell spans lines.
/// </summary>
internal static class CsvTableReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Result<ImportTable> Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ImportErrors.Encoding;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return ImportErrors.Encoding; // UTF-16 without a BOM decodes as UTF-8 with NULs between the letters
        }

        var records = Parse(text);
        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
        {
            return ImportErrors.HeaderRequired;
        }

        var rows = new List<ImportRow>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            rows.Add(new ImportRow(i + 1, records[i]));
        }

        return new ImportTable(records[0].Select(h => h ?? string.Empty).ToList(), rows, []);
    }

    private static List<string?[]> Parse(string text)
    {
        var records = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        void EndField()
        {
            fields.Add(field.Length == 0 ? null : field.ToString());
            field.Clear();
        }

        void EndRecord()
        {
            EndField();
            records.Add([.. fields]);
            fields.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord();
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return records;
    }
}
