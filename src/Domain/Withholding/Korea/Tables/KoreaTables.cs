using PayrollPortal.Domain.Withholding;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace PayrollPortal.Domain.Withholding.Korea.Tables;

/// <summary>
/// Loads the kr figures embedded in this assembly: one <c>kr-YYYY.json</c> per year and the simplified table CSV it names,
/// picked up by globs in the project file, each checked by <see cref="KoreaTableChecks"/>. Adding a year is adding a file.
/// </summary>
public static class KoreaTables
{
    private const string ResourcePrefix = "PayrollPortal.Domain.Withholding.Korea.Tables.";

    public static IReadOnlyList<KoreaYearTable> LoadAll()
    {
        var assembly = typeof(KoreaTables).Assembly;
        var csvCache = new Dictionary<string, SimplifiedTaxTable>(StringComparer.Ordinal);
        SimplifiedTaxTable Csv(string file)
        {
            if (!csvCache.TryGetValue(file, out var table))
            {
                var text = ReadResource(assembly, ResourcePrefix + file)
                    ?? throw new InvalidTaxTableException(file, KoreaTableChecks.Schema, "the simplified table file is not embedded.");
                csvCache[file] = table = ParseSimplifiedTable(text, file);
            }

            return table;
        }

        var years = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + "kr-", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(ReadResource(assembly, n)!, n[ResourcePrefix.Length..], Csv))
            .OrderBy(t => t.Year)
            .ToList();
        return years.Count > 0 ? years : throw new InvalidTaxTableException("kr", KoreaTableChecks.Schema, "no kr-YYYY.json table is embedded.");
    }

    /// <summary>Parses and checks one year; <paramref name="simplifiedTable"/> resolves the CSV file the year names.</summary>
    public static KoreaYearTable Parse(string json, string source, Func<string, SimplifiedTaxTable> simplifiedTable)
    {
        KoreaYearTable year;
        try
        {
            using var document = JsonDocument.Parse(json);
            year = Read(document.RootElement, source, simplifiedTable);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidTaxTableException(source, KoreaTableChecks.Schema, ex.Message, ex);
        }

        if (!source.Contains($"kr-{year.Year}.", StringComparison.Ordinal))
        {
            throw new InvalidTaxTableException(source, KoreaTableChecks.Schema, $"year {year.Year} does not match the file name.");
        }

        KoreaTableChecks.Verify(year);
        return year;
    }

    /// <summary>Parses and checks the CSV: a header, then <c>from,to,dependents_1..dependents_11</c> per row.</summary>
    public static SimplifiedTaxTable ParseSimplifiedTable(string csv, string source)
    {
        var from = new List<int>();
        var to = new List<int>();
        var cells = new List<long[]>();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields.Length != 2 + SimplifiedTaxTable.Columns)
            {
                throw new InvalidTaxTableException(source, KoreaTableChecks.Schema, $"line {i + 1} has {fields.Length} fields, expected {2 + SimplifiedTaxTable.Columns}.");
            }

            try
            {
                from.Add(int.Parse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture));
                to.Add(int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture));
                cells.Add([.. fields.Skip(2).Select(f => long.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture))]);
            }
            catch (FormatException ex)
            {
                throw new InvalidTaxTableException(source, KoreaTableChecks.Schema, $"line {i + 1} holds a value that is not a whole number.", ex);
            }
        }

        if (from.Count == 0)
        {
            throw new InvalidTaxTableException(source, KoreaTableChecks.TableRows, "the table has no rows.");
        }

        var table = new SimplifiedTaxTable(source, [.. from], [.. to], [.. cells]);
        KoreaTableChecks.Verify(table, minimumCollected: 1000);
        return table;
    }

    private static KoreaYearTable Read(JsonElement root, string source, Func<string, SimplifiedTaxTable> simplifiedTable)
    {
        var year = Property(root, "year").GetInt32();
        var pension = Property(root, "nationalPension");
        var health = Property(root, "healthInsurance");
        var incomeTax = Property(root, "incomeTax");
        var table = Property(incomeTax, "simplifiedTable");
        var limits = Property(root, "nonTaxableMonthlyLimits");

        return new KoreaYearTable(
            source,
            year,
            Rate(pension, "employeeRate"),
            Amount(pension, "baseTruncation"),
            [.. Property(pension, "bounds").EnumerateArray().Select(b => new PensionBounds(Month(b, "from", year), Month(b, "to", year), Amount(b, "min"), Amount(b, "max")))],
            Rate(health, "totalRate"),
            Amount(health, "employeePremiumCap"),
            Amount(health, "employeePremiumFloor"),
            [.. Property(root, "longTermCare").EnumerateArray().Select(p => new LongTermCarePeriod(
                Month(p, "from", year), Month(p, "to", year), new KrwRate(Amount(p, "numerator"), Amount(p, "denominator"))))],
            Rate(Property(root, "employmentInsurance"), "employeeRate"),
            simplifiedTable(Text(table, "file")),
            Date(table, "from"),
            [.. Property(incomeTax, "over10M").EnumerateArray().Select(b => new Over10MBand(
                Property(b, "upTo").ValueKind == JsonValueKind.Null ? null : Amount(b, "upTo"),
                Amount(b, "constant"), Amount(b, "appliedOver"), Rate(b, "factor"), Rate(b, "rate")))],
            [.. Property(incomeTax, "childAmounts8To20").EnumerateArray().Select(c => new ChildAmounts(
                Date(c, "from"), Date(c, "to"), Amount(c, "one"), Amount(c, "two"), Amount(c, "eachBeyondTwo")))],
            Amount(incomeTax, "minimumCollected"),
            Rate(Property(root, "localIncomeTax"), "rate"),
            new NonTaxableLimits(Amount(limits, "meals"), Amount(limits, "carAllowance"), Amount(limits, "childcare")));
    }

    private static string? ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new KeyNotFoundException($"missing property '{name}'.");

    private static string Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new FormatException($"'{name}' must be a string.");

    /// <summary>Amounts are whole-won decimal strings, as in the reference data.</summary>
    private static long Amount(JsonElement element, string name) =>
        long.TryParse(Text(element, name), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new FormatException($"'{name}' must be a whole number of KRW as a string.");

    private static KrwRate Rate(JsonElement element, string name) => KrwRate.Parse(Text(element, name));

    private static DateOnly Date(JsonElement element, string name) =>
        DateOnly.ParseExact(Text(element, name), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A premium month "YYYY-MM" inside the file's year.</summary>
    private static int Month(JsonElement element, string name, int year)
    {
        var text = Text(element, name);
        var parsed = DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return parsed.Year == year ? parsed.Month : throw new FormatException($"'{name}' {text} is outside {year}.");
    }
}
