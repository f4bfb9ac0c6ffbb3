using System.Globalization;
using System.Text.Json;

namespace PayrollPortal.Api.Observability;

/// <summary>
/// Reads the newest <c>*.json</c> manifest that <c>payroll backup</c> leaves beside each completed backup (a failed backup
/// leaves none: it writes <c>.partial</c> files and renames them when complete). Tolerant: a file that is not JSON, has no
/// parsable <c>createdAt</c>, or says it failed is skipped rather than breaking the scrape.
/// </summary>
internal static class BackupManifests
{
    public static DateTimeOffset? NewestSuccessfulBackup(IEnumerable<string> folders)
    {
        DateTimeOffset? newest = null;
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
            {
                var createdAt = ReadCreatedAt(file);
                if (createdAt is not null && (newest is null || createdAt > newest))
                {
                    newest = createdAt;
                }
            }
        }

        return newest;
    }

    private static DateTimeOffset? ReadCreatedAt(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Failed(root))
            {
                return null;
            }

            return Property(root, "createdAt") is { ValueKind: JsonValueKind.String } created
                && DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? instant
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Failed(JsonElement root) =>
        (Property(root, "status") is { ValueKind: JsonValueKind.String } status
            && status.GetString() is { } text && !text.Equals("ok", StringComparison.OrdinalIgnoreCase)
            && !text.Equals("success", StringComparison.OrdinalIgnoreCase) && !text.Equals("succeeded", StringComparison.OrdinalIgnoreCase)
            && !text.Equals("verified", StringComparison.OrdinalIgnoreCase) && !text.Equals("completed", StringComparison.OrdinalIgnoreCase))
        || Property(root, "verified") is { ValueKind: JsonValueKind.False };

    private static JsonElement? Property(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
