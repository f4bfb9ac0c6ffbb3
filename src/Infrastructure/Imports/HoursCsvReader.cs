using System.Globalization;
using CsvHelper;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Infrastructure.Imports;

/// <summary>Hours as CSV (RFC 4180, comma-separated, UTF-8), read with CsvHelper. A row is named <c>rows[N]</c>, N its spreadsheet row.</summary>
internal sealed class HoursCsvReader : IHoursFileReader
{
    private static readonly string[] Known = ["employeeId", "employeeNumber", "regularHours", "overtimeHours"];

    private static readonly CsvReaderOptions Options = new() { HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true, Separator = ',' };

    public async Task<Result<IReadOnlyList<HoursRow?>>> ReadAsync(Stream csv, CancellationToken cancellationToken)
    {
        await using var reader = CsvReader.Create(csv, Options, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        if (reader.Headers.Count == 0)
        {
            return Error.Validation("hours.header_required", "The file needs a header row: employeeId or employeeNumber, regularHours, overtimeHours.", "file");
        }

        var header = reader.Headers.ToArray();
        var errors = header.Where(h => !Known.Contains(h, StringComparer.OrdinalIgnoreCase))
            .Select(h => Error.Validation("hours.unknown_column", $"Unknown column '{h}': use employeeId or employeeNumber, regularHours, overtimeHours.", "file"))
            .ToList();
        int Column(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (id, number, regular, overtime) = (Column("employeeId"), Column("employeeNumber"), Column("regularHours"), Column("overtimeHours"));
        if ((id < 0 && number < 0) || regular < 0)
        {
            errors.Add(Error.Validation("hours.columns_required", "The header must name employeeId or employeeNumber, and regularHours.", "file"));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<HoursRow?>>.Failure(errors);
        }

        var rows = new List<HoursRow?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // A spreadsheet's row: the file's line, the header being row 1.
            var label = $"rows[{reader.LineNumber}]";
            string? Cell(int index) => index >= 0 && index < reader.FieldCount && reader.GetString(index) is { Length: > 0 } value ? value : null;
            if (Enumerable.Range(0, reader.FieldCount).All(i => Cell(i) is null))
            {
                continue; // a blank line, as spreadsheets leave at the end
            }

            Guid? employeeId = null;
            if (Cell(id) is { } idText)
            {
                if (Guid.TryParse(idText, out var parsed))
                {
                    employeeId = parsed;
                }
                else
                {
                    errors.Add(Error.Validation("hours.employee_id_invalid", $"'{idText}' is not an employee id.", $"{label}.employeeId"));
                }
            }

            decimal? Hours(int index, string field)
            {
                if (Cell(index) is not { } hoursText)
                {
                    return null;
                }

                if (decimal.TryParse(hoursText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours))
                {
                    return hours;
                }

                errors.Add(Error.Validation("hours.not_a_number", $"'{hoursText}' is not a number of hours.", $"{label}.{field}"));
                return null;
            }

            rows.Add(new HoursRow(employeeId, Cell(number), Hours(regular, "regularHours"), Hours(overtime, "overtimeHours")) { Label = label });
        }

        return errors.Count > 0 ? Result<IReadOnlyList<HoursRow?>>.Failure(errors) : rows;
    }
}
