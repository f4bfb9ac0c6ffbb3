using System.Reflection;
using System.Text.RegularExpressions;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// The migrations for a provider, from the scripts embedded in this assembly (db/&lt;provider&gt;/*.sql), from a folder, or both
/// merged. A file that does not follow <c>NNNN_name.sql</c> / <c>NNNN_name.down.sql</c>, a down script without its up script
/// and a version used twice are errors rather than silently skipped, so a typo cannot leave a migration unapplied.
/// </summary>
public static partial class MigrationCatalog
{
    private const string DownSuffix = ".down.sql";

    /// <summary>The file beside the migrations (<c>db/</c>, or a <c>--scripts</c> folder) that classifies each of them.</summary>
    public const string ClassesFile = "migration-classes.txt";

    public static IReadOnlyList<MigrationScript> Embedded(DatabaseProvider provider)
    {
        var prefix = $"db.{FolderName(provider)}.";
        var assembly = typeof(MigrationCatalog).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[prefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
        var classes = ParseClasses(Read(assembly, $"db.{ClassesFile}"), $"db/{ClassesFile}");
        return Build(files, classes, $"db/{FolderName(provider)}");
    }

    /// <summary>The <c>*.sql</c> files of a folder, or of its <c>postgres/</c> or <c>sqlite/</c> subfolder when it has one.</summary>
    public static IReadOnlyList<MigrationScript> FromDirectory(string directory, DatabaseProvider provider)
    {
        if (!Directory.Exists(directory))
        {
            throw new MigrationException($"scripts folder {directory} does not exist.", MigrationFailure.Configuration);
        }

        var providerFolder = Path.Combine(directory, FolderName(provider));
        var source = Directory.Exists(providerFolder) ? providerFolder : directory;
        var files = Directory.EnumerateFiles(source, "*.sql").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        if (files.Count == 0)
        {
            throw new MigrationException($"scripts folder {source} holds no NNNN_name.sql migrations.", MigrationFailure.Configuration);
        }

        // The classes sit in the folder itself or, for the postgres/ and sqlite/ layout, in the folder above them.
        var classesPath = new[] { Path.Combine(source, ClassesFile), Path.Combine(directory, ClassesFile) }.FirstOrDefault(File.Exists);
        var classes = classesPath is null ? new Dictionary<string, MigrationClass>() : ParseClasses(File.ReadAllText(classesPath), classesPath);
        return Build(files, classes, source);
    }

    /// <summary>
    /// <c>NNNN expand</c> or <c>NNNN contract</c>, one a line; <c>#</c> starts a comment. A malformed line or a version listed
    /// twice is an error, like a misnamed script.
    /// </summary>
    public static Dictionary<string, MigrationClass> ParseClasses(string text, string source)
    {
        var classes = new Dictionary<string, MigrationClass>(StringComparer.Ordinal);
        var number = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            number++;
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var match = ClassLine().Match(line);
            if (!match.Success)
            {
                throw new MigrationException($"{source} line {number} is not 'NNNN expand' or 'NNNN contract': '{line}'.", MigrationFailure.Configuration);
            }

            var version = match.Groups["version"].Value;
            var value = match.Groups["class"].Value == "expand" ? MigrationClass.Expand : MigrationClass.Contract;
            if (!classes.TryAdd(version, value))
            {
                throw new MigrationException($"{source} classifies {version} twice.", MigrationFailure.Configuration);
            }
        }

        return classes;
    }

    /// <summary>The embedded migrations, plus those of <paramref name="extraDirectory"/> when given.</summary>
    public static IReadOnlyList<MigrationScript> For(DatabaseProvider provider, string? extraDirectory)
    {
        var embedded = Embedded(provider);
        if (string.IsNullOrWhiteSpace(extraDirectory))
        {
            return embedded;
        }

        var merged = embedded.Concat(FromDirectory(extraDirectory, provider)).ToList();
        ThrowOnDuplicateVersion(merged);
        return [.. merged.OrderBy(s => s.Version, StringComparer.Ordinal)];
    }

    public static string FolderName(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    private static List<MigrationScript> Build(Dictionary<string, string> files, Dictionary<string, MigrationClass> classes, string source)
    {
        var scripts = new List<MigrationScript>();
        foreach (var (fileName, sql) in files)
        {
            var match = ScriptName().Match(fileName);
            if (!match.Success)
            {
                throw new MigrationException(
                    $"{source}/{fileName} is not named NNNN_verb_subject.sql or NNNN_verb_subject.down.sql (four digits, then lowercase letters, digits and underscores).",
                    MigrationFailure.Configuration);
            }

            var version = match.Groups["version"].Value;
            var name = match.Groups["name"].Value;
            if (match.Groups["down"].Success)
            {
                if (!files.ContainsKey($"{version}_{name}.sql"))
                {
                    throw new MigrationException($"{source}/{fileName} has no up script {version}_{name}.sql beside it.", MigrationFailure.Configuration);
                }

                continue;
            }

            files.TryGetValue($"{version}_{name}{DownSuffix}", out var down);
            scripts.Add(new MigrationScript(version, name, sql, down, classes.TryGetValue(version, out var kind) ? kind : null));
        }

        ThrowOnDuplicateVersion(scripts);
        return [.. scripts.OrderBy(s => s.Version, StringComparer.Ordinal)];
    }

    private static void ThrowOnDuplicateVersion(List<MigrationScript> scripts)
    {
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException(
                $"migration version {duplicate.Key} is used by more than one script: {string.Join(", ", duplicate.Select(s => s.ScriptName))}.",
                MigrationFailure.Configuration);
        }
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})\s+(?<class>expand|contract)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassLine();

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9]+(?:_[a-z0-9]+)*)(?<down>\.down)?\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();
}
