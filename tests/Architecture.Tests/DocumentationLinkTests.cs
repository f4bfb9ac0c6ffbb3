using System.Text.RegularExpressions;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Architecture.Tests;

/// <summary>
/// The repository stands alone: its documents link only to files inside it, and those files exist. A link to a
/// workspace outside the repository (a shared folder on one machine) means nothing to a reader with a clone.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var path in new[] { "README.md", "bench/README.md", "deploy/README.md" }
            .Concat(Directory.EnumerateFiles(RepositoryFiles.PathOf("docs"), "*.md", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_WhenItLinksOrNamesAPath_ShouldPointInsideTheRepositoryAtAFileThatExists(string document)
    {
        var text = RepositoryFiles.Read(document);
        var folder = Path.GetDirectoryName(RepositoryFiles.PathOf(document))!;
        var problems = new List<string>();

        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups["target"].Value;
            if (target.StartsWith('#') || Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto")
            {
                continue;
            }

            var path = Uri.UnescapeDataString(target.Split('#')[0]);
            var resolved = Path.GetFullPath(Path.Combine(path.StartsWith('/') ? "/" : folder, path));
            if (!IsInsideRepository(resolved))
            {
                problems.Add($"links outside the repository: ({target})");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                problems.Add($"links to a path that does not exist: ({target})");
            }
        }

        foreach (Match mention in OutsidePath().Matches(text))
        {
            problems.Add($"names a path outside the repository: {mention.Value.Trim()}");
        }

        foreach (Match code in RelativeCodePath().Matches(text))
        {
            if (!IsInsideRepository(Path.GetFullPath(Path.Combine(folder, code.Groups["path"].Value))))
            {
                problems.Add($"names a path outside the repository: `{code.Groups["path"].Value}`");
            }
        }

        problems.ShouldBeEmpty(document);
    }

    private static bool IsInsideRepository(string fullPath) =>
        fullPath == RepositoryFiles.Root || fullPath.StartsWith(RepositoryFiles.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    /// <summary>Absolute paths into a machine's home or workspace folders, however they are quoted.</summary>
    [GeneratedRegex(@"(?<![\w.~-])/(?:work|home|root|Users)/[^\s`)""']*")]
    private static partial Regex OutsidePath();

    [GeneratedRegex(@"`(?<path>(?:\.\./)+[^`\s]*)`")]
    private static partial Regex RelativeCodePath();
}
