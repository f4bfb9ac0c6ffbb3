using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PayrollPortal.Application.Regimes;

/// <summary>The JSON member names of a regime's request type, read once per type from the serializer's own contract.</summary>
internal static class RegimeFieldNames
{
    private static readonly ConcurrentDictionary<(Type, JsonSerializerOptions), HashSet<string>> Cache = new();

    public static HashSet<string> Of<T>(JsonSerializerOptions options) =>
        Cache.GetOrAdd((typeof(T), options), key =>
            [.. (key.Item2.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).GetTypeInfo(key.Item1, key.Item2)!.Properties.Select(p => p.Name)]);
}
