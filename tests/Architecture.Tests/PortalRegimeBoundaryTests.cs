using System.Text.RegularExpressions;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Architecture.Tests;

/// <summary>
/// The portal's regime code is a module too: what a page shows that differs by jurisdiction lives in
/// <c>wwwroot/js/regimes/{code}/</c>, and only that folder and the registration (<c>js/regimes/index.js</c>) may name the
/// regime. A page that names it (<c>company.regime === 'kr'</c>, a W-4 field, a Korean label) would make the next regime
/// edit that page again. Comments are not uses, as in <see cref="RegimeBoundaryTests"/>.
/// </summary>
public sealed partial class PortalRegimeBoundaryTests
{
    private const string Scripts = "src/Api/wwwroot/js";

    /// <summary>What names each regime in portal code: its code as a word, its own terms and field names.</summary>
    private static readonly Dictionary<string, Regex> RegimeMarks = new()
    {
        // Identifiers are matched as written (krLines, usLines), the words in any case.
        ["kr"] = new(@"\bkr(?:[A-Z_]\w*)?\b|\bKRW\b|(?i:korea)|[\uAC00-\uD7A3]"),
        ["us-federal"] = new(@"us-federal|\bus[A-Z]\w*|(?i:\bw-?4|federal|social ?security|medicare)|\bSSN\b|\bUSD\b"),
    };

    [Fact]
    public void Folders_UnderJsRegimes_ShouldBeTheRegimesThisTestKnows()
    {
        var folders = Directory.GetDirectories(RepositoryFiles.PathOf(Scripts + "/regimes")).Select(Path.GetFileName).Order();

        folders.ShouldBe(RegimeMarks.Keys.Order(), "a new regime folder needs its marks here, so the pages are checked for it too");
    }

    [Theory]
    [InlineData("kr")]
    [InlineData("us-federal")]
    public void Scripts_OutsideTheRegimesFolder_ShouldNotNameIt(string regime)
    {
        var root = RepositoryFiles.PathOf(Scripts);
        var files = Directory.GetFiles(root, "*.js", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText);
        files.Keys.ShouldContain($"regimes/{regime}/index.js");
        files.Where(f => f.Key.StartsWith($"regimes/{regime}/", StringComparison.Ordinal)).ShouldContain(
            f => RegimeMarks[regime].IsMatch(f.Value), "the marks should find the regime in its own folder, or they check nothing");

        var offenders = Offenders(files, regime);

        offenders.ShouldBeEmpty($"These scripts name the {regime} regime outside js/regimes/{regime}/; move the code into its module:\n{string.Join("\n", offenders)}");
    }

    [Theory]
    [InlineData("kr", "const kr = company?.regime === 'kr';")]
    [InlineData("kr", "h('th', {}, '국민연금')")]
    [InlineData("us-federal", "h('td', {}, formatMoney(t.federalIncomeTax))")]
    [InlineData("us-federal", "put('w4', readW4(), employee.w4);")]
    public void Check_WhenAPageNamesARegime_ShouldNameThePage(string regime, string planted)
    {
        var files = new Dictionary<string, string>
        {
            ["views/payrolls.js"] = "// A comment may say kr, 국민연금 or W-4.\nexport function payrollsView() {\n  " + planted + "\n}\n",
            [$"regimes/{regime}/index.js"] = planted,
            ["regimes/index.js"] = "import usFederal from './us-federal/index.js';\nimport kr from './kr/index.js';",
        };

        Offenders(files, regime).ShouldBe(["views/payrolls.js"]);
    }

    [Fact]
    public void Check_WhenOnlyACommentNamesARegime_ShouldPass()
    {
        var files = new Dictionary<string, string> { ["views/payrolls.js"] = "/* kr and W-4 */\n// 국민연금, us-federal\nconst a = 'https://example.com/x';\n" };

        Offenders(files, "kr").ShouldBeEmpty();
        Offenders(files, "us-federal").ShouldBeEmpty();
    }

    /// <param name="files">Scripts by their path under <c>js/</c>, with their text.</param>
    private static List<string> Offenders(IReadOnlyDictionary<string, string> files, string regime) =>
        [.. files
            .Where(f => !f.Key.StartsWith($"regimes/{regime}/", StringComparison.Ordinal) && f.Key != "regimes/index.js")
            .Where(f => RegimeMarks[regime].IsMatch(WithoutComments(f.Value)))
            .Select(f => f.Key)
            .Order(StringComparer.Ordinal)];

    // Block comments, and line comments that start a line or follow a space (so "https://" inside a string stays).
    private static string WithoutComments(string script) => LineComment().Replace(BlockComment().Replace(script, " "), "");

    [GeneratedRegex(@"/\*[\s\S]*?\*/")]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"(^|\s)//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
