using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PayrollPortal.Deployment.Tests;

/// <summary>YAML documents as nested dictionaries and lists, with merge keys (<c>&lt;&lt;: *anchor</c>) applied as Compose applies them.</summary>
internal static class Yaml
{
    public static IReadOnlyList<Dictionary<object, object?>> Documents(string text)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new MergingParser(new Parser(new StringReader(text)));
        var documents = new List<Dictionary<object, object?>>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            if (deserializer.Deserialize<Dictionary<object, object?>>(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object?> Map(this object? node, string key) =>
        node is Dictionary<object, object?> map && map.TryGetValue(key, out var value) && value is Dictionary<object, object?> child
            ? child
            : throw new ShouldAssertException($"'{key}' is missing or not a mapping");

    public static List<object?> List(this object? node, string key, bool optional = false) =>
        node is Dictionary<object, object?> map && map.TryGetValue(key, out var value) && value is List<object?> list
            ? list
            : optional && node is Dictionary<object, object?> parent && !parent.ContainsKey(key)
                ? []
                : throw new ShouldAssertException($"'{key}' is missing or not a list");

    public static string? Scalar(this object? node, string key) =>
        node is Dictionary<object, object?> map && map.TryGetValue(key, out var value) ? value?.ToString() : null;

    public static IEnumerable<string> Strings(this List<object?> list) => list.Select(item => item?.ToString() ?? string.Empty);
}
