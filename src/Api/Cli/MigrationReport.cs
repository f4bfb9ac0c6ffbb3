using System.Globalization;
using System.Text;
using PayrollPortal.Application.Operations;
using PayrollPortal.Infrastructure.Persistence.Migrations;

namespace PayrollPortal.Api.Cli;

/// <summary>The plain-text output of the migrate verbs: aligned columns a person reads and grep/awk can split on spaces.</summary>
internal static class MigrationReport
{
    private static readonly string[] Headers = ["VERSION", "NAME", "CLASS", "STATE", "APPLIED AT (UTC)", "CHECKSUM", "MATCH", "DOWN"];

    public static string Table(IReadOnlyList<MigrationStatusRow> rows)
    {
        var cells = rows.Select(r => new[]
        {
            r.Version,
            r.Name,
            r.Class is { } kind ? MigrationClasses.ToText(kind) : "-",
            r.State.ToString().ToLowerInvariant(),
            r.AppliedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-",
            r.Checksum[..Math.Min(12, r.Checksum.Length)],
            r.ChecksumMatches switch { true => "yes", false => "NO", null => "-" },
            r.HasDownScript ? "yes" : "NO",
        }).ToList();
        var widths = Headers.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var line in cells.Prepend(Headers))
        {
            text.AppendLine(string.Join("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }

        return text.ToString();
    }

    /// <summary>Where the database stands: "at 0003 (head 0003): up to date", or how many problems remain.</summary>
    public static string Position(SchemaStatus status)
    {
        var at = $"at {status.CurrentVersion ?? "(none)"} (head {status.HeadVersion ?? "(none)"})";
        return status.IsAtHead ? $"{at}: up to date" : $"{at}: {status.Problems.Count} problem(s), see `payroll migrate verify`";
    }

    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
