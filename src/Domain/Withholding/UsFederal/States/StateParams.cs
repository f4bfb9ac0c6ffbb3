using System.Globalization;
using System.Text.Json;

namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>
/// Reads a parameter file's <c>params</c> into typed values once, at load. Amounts are decimal strings so no binary
/// floating point touches them; a bracket row is <c>[over, rate, base]</c>, and a row without a base gets the sum of the
/// completed brackets below it (the publications that print no base column define it so).
/// </summary>
public sealed class StateParams(JsonElement element)
{
    public JsonElement Element => element;

    public bool Has(string name) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public StateParams Child(string name) => new(Property(element, name));

    public decimal Amount(string name) => Parse(Property(element, name), name);

    public decimal DecimalOr(string name, decimal fallback) => Has(name) ? Amount(name) : fallback;

    public bool Bool(string name) => Has(name) && Property(element, name).GetBoolean();

    public int IntOr(string name, int fallback) => Has(name) ? Property(element, name).GetInt32() : fallback;

    public string Text(string name) => Property(element, name).GetString() ?? throw new FormatException($"'{name}' must be a string.");

    public Bracket[] Brackets(string name) => ReadBrackets(Property(element, name), name);

    public RangeRow[] Ranges(string name) => ReadRanges(Property(element, name), name);

    public string[] Strings(string name) => Property(element, name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>An object keyed by pay frequency (<c>weekly</c> ... <c>daily</c>); a key that names no frequency is an error.</summary>
    public Dictionary<PayFrequency, T> ByFrequency<T>(string name, Func<JsonElement, string, T> read)
    {
        var result = new Dictionary<PayFrequency, T>();
        foreach (var property in Property(element, name).EnumerateObject())
        {
            result.Add(ParseFrequency(property.Name), read(property.Value, $"{name}.{property.Name}"));
        }

        return result;
    }

    /// <summary>An object keyed by filing status (or <c>all</c>).</summary>
    public StatusTable<T> ByStatus<T>(string name, Func<JsonElement, string, T> read) => ReadByStatus(Property(element, name), name, read);

    public static StatusTable<T> ReadByStatus<T>(JsonElement value, string name, Func<JsonElement, string, T> read)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            result.Add(property.Name, read(property.Value, $"{name}.{property.Name}"));
        }

        return new StatusTable<T>(result);
    }

    public static PayFrequency ParseFrequency(string name) =>
        Enum.TryParse<PayFrequency>(name, ignoreCase: true, out var frequency) && !int.TryParse(name, out _)
            ? frequency
            : throw new FormatException($"'{name}' is not a pay frequency.");

    public static decimal Parse(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new FormatException($"'{name}' must be a decimal string, not {value.GetRawText()}.");

    public static Bracket[] ReadBrackets(JsonElement rows, string name)
    {
        var result = new Bracket[rows.GetArrayLength()];
        var i = 0;
        var cumulative = 0m;
        foreach (var row in rows.EnumerateArray())
        {
            var over = Parse(row[0], name);
            var rate = Parse(row[1], name);
            if (i > 0)
            {
                cumulative += (over - result[i - 1].Over) * result[i - 1].Rate;
            }

            result[i++] = new Bracket(over, rate, row.GetArrayLength() > 2 ? Parse(row[2], name) : cumulative);
        }

        return result;
    }

    public static RangeRow[] ReadRanges(JsonElement rows, string name) =>
        rows.EnumerateArray().Select(row => new RangeRow(Parse(row[0], name), Parse(row[1], name))).ToArray();

    public static decimal ReadDecimal(JsonElement value, string name) => Parse(value, name);

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new KeyNotFoundException($"missing parameter '{name}'.");
}

/// <summary>Values by filing status, with <c>all</c> standing for every status where the publication prints one schedule.</summary>
public sealed class StatusTable<T>(Dictionary<string, T> values)
{
    public IReadOnlyDictionary<string, T> Values => values;

    public bool Covers(string? status) => (status is not null && values.ContainsKey(status)) || values.ContainsKey("all");

    public T Get(string? status) =>
        status is not null && values.TryGetValue(status, out var value) ? value
        : values.TryGetValue("all", out var all) ? all
        : throw new KeyNotFoundException($"no parameter for filing status '{status}'.");
}
