using System.Text.RegularExpressions;

namespace PayrollPortal.Deployment.Tests;

/// <summary>A Dockerfile as its instructions (line continuations joined, comments dropped), grouped by build stage.</summary>
internal sealed partial record Dockerfile(IReadOnlyList<IReadOnlyList<Dockerfile.Instruction>> Stages)
{
    public sealed record Instruction(string Keyword, string Arguments);

    public IReadOnlyList<Instruction> FinalStage => Stages[^1];

    public static Dockerfile Parse(string text)
    {
        var stages = new List<List<Instruction>>();
        var preamble = new List<Instruction>();
        var logical = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (logical.Length == 0 && (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line)))
            {
                continue;
            }

            if (line.TrimStart().StartsWith('#'))
            {
                continue; // a comment inside a continued instruction
            }

            if (line.EndsWith('\\'))
            {
                logical += line[..^1] + " ";
                continue;
            }

            logical += line;
            var match = InstructionLine().Match(logical.Trim());
            logical = string.Empty;
            var instruction = new Instruction(match.Groups[1].Value.ToUpperInvariant(), Whitespace().Replace(match.Groups[2].Value.Trim(), " "));
            if (instruction.Keyword == "FROM")
            {
                stages.Add([instruction]);
            }
            else
            {
                (stages.Count == 0 ? preamble : stages[^1]).Add(instruction);
            }
        }

        return new Dockerfile(stages);
    }

    public IEnumerable<string> Final(string keyword) => FinalStage.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>The final stage's ENV settings, whether written one per ENV or several in one.</summary>
    public IReadOnlyDictionary<string, string> FinalEnvironment() =>
        Final("ENV").SelectMany(arguments => EnvPair().Matches(arguments))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));

    [GeneratedRegex(@"^(\w+)\s+(.*)$", RegexOptions.Singleline)]
    private static partial Regex InstructionLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPair();
}
