using System.Text.Json;

namespace PayrollPortal.Application.Imports;

/// <summary>
/// Cells as the JSON members a request would send. Numbers and dates stay text (the API's JSON rules read numbers from
/// strings), so a cell that is not a number fails exactly as <c>"abc"</c> would in a request; yes/no cells become booleans.
/// </summary>
public static class ImportJson
{
    private static readonly string[] True = ["true", "yes", "y", "1"];
    private static readonly string[] False = ["false", "no", "n", "0"];

    /// <summary>Adds the column's value as <paramref name="member"/> when the row has one.</summary>
    public static void Put(IDictionary<string, JsonElement> members, string member, ImportCells cells, string column, ImportColumnKind kind = ImportColumnKind.Text)
    {
        if (cells[column] is { } text)
        {
            members[member] = Value(text, kind);
        }
    }

    public static JsonElement Value(string text, ImportColumnKind kind)
    {
        if (kind == ImportColumnKind.Boolean)
        {
            if (True.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return JsonSerializer.SerializeToElement(true);
            }

            if (False.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return JsonSerializer.SerializeToElement(false);
            }
        }

        return JsonSerializer.SerializeToElement(text);
    }

    public static JsonElement Members(IReadOnlyDictionary<string, JsonElement> members) => JsonSerializer.SerializeToElement(members);
}
