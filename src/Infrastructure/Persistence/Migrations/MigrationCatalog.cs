using System.Reflection;
using System.Text.RegularExpressions;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// The migrations for a provider, from the scripts embedded in this assembly (db/&lt;provider&gt;/*.sql) or from a folder.
/// </summary>
public static partial class MigrationCatalog
{
    public static IReadOnlyList<MigrationScript> Embedded(DatabaseProvider provider)
    {
        var prefix = $"db.{FolderName(provider)}.";
        var assembly = typeof(MigrationCatalog).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[prefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
        return Build(files);
    }

    public static IReadOnlyList<MigrationScript> FromDirectory(string directory) =>
        Build(Directory.EnumerateFiles(directory, "*.sql").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal));

    public static string FolderName(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    private static List<MigrationScript> Build(Dictionary<string, string> files)
    {
        var scripts = new List<MigrationScript>();
        foreach (var (fileName, sql) in files)
        {
            var match = UpScriptName().Match(fileName);
            if (!match.Success || fileName.EndsWith(".down.sql", StringComparison.Ordinal))
            {
                continue;
            }

            var version = match.Groups["version"].Value;
            var name = match.Groups["name"].Value;
            files.TryGetValue($"{version}_{name}.down.sql", out var down);
            scripts.Add(new MigrationScript(version, name, sql, down));
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Migration version {duplicate.Key} is used by more than one script: {string.Join(", ", duplicate.Select(s => s.ScriptName))}.");
        }

        return [.. scripts.OrderBy(s => s.Version, StringComparer.Ordinal)];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex UpScriptName();
}
