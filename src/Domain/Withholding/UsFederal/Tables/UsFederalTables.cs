using PayrollPortal.Domain.Withholding;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace PayrollPortal.Domain.Withholding.UsFederal.Tables;

/// <summary>
/// Loads the us-federal tables embedded in this assembly (one <c>us-federal-YYYY.json</c> per tax year, picked up by a glob
/// in the project file) and runs every structural check. Adding a year is adding a file.
/// </summary>
public static class UsFederalTables
{
    private const string ResourcePrefix = "PayrollPortal.Domain.Withholding.UsFederal.Tables.us-federal-";

    /// <summary>Every embedded table, checked, ascending by year. Throws <see cref="InvalidTaxTableException"/> naming the failed check.</summary>
    public static IReadOnlyList<UsFederalTaxTable> LoadAll()
    {
        var assembly = typeof(UsFederalTables).Assembly;
        var tables = new List<UsFederalTaxTable>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            tables.Add(Parse(ReadResource(assembly, name), name[(ResourcePrefix.Length - "us-federal-".Length)..]));
        }

        if (tables.Count == 0)
        {
            throw new InvalidTaxTableException("us-federal", UsFederalTableChecks.Schema, "no us-federal-YYYY.json table is embedded.");
        }

        return tables.OrderBy(t => t.TaxYear).ToList();
    }

    /// <summary>Parses and checks one table; <paramref name="source"/> is its file name, used in messages and to cross-check the year.</summary>
    public static UsFederalTaxTable Parse(string json, string source)
    {
        UsFederalTaxTable table;
        try
        {
            using var document = JsonDocument.Parse(json);
            table = Read(document.RootElement, source);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidTaxTableException(source, UsFederalTableChecks.Schema, ex.Message, ex);
        }

        UsFederalTableChecks.Verify(table);
        return table;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static UsFederalTaxTable Read(JsonElement root, string source)
    {
        var taxYear = Property(root, "taxYear").GetInt32();

        var periods = Property(root, "payPeriodsPerYear");
        var table3 = Property(periods, "table3");
        var payPeriods = new int[Enum.GetValues<PayFrequency>().Length];
        foreach (var frequency in Enum.GetValues<PayFrequency>())
        {
            payPeriods[(int)frequency] = frequency == PayFrequency.Annual
                ? Property(periods, "annual").GetInt32()
                : Property(table3, JsonName(frequency)).GetInt32();
        }

        var worksheet = Property(root, "worksheet1A");
        var line1gElement = Property(worksheet, "line1g");
        var schedules = Property(root, "rateSchedules");
        var standardDeductions = Property(root, "standardDeductionUsedToBuildTables");

        var statuses = Enum.GetValues<FilingStatusTable>();
        var line1g = new decimal[statuses.Length];
        var deductions = new decimal[statuses.Length];
        var standard = new TaxBracket[statuses.Length][];
        var checkbox = new TaxBracket[statuses.Length][];
        foreach (var status in statuses)
        {
            var key = JsonName(status);
            line1g[(int)status] = Money(line1gElement, key);
            deductions[(int)status] = Money(standardDeductions, key);
            standard[(int)status] = Brackets(Property(Property(schedules, "standard"), key));
            checkbox[(int)status] = Brackets(Property(Property(schedules, "step2Checkbox"), key));
        }

        var pre2020 = Property(root, "pre2020FormW4");
        var fica = Property(root, "fica");
        var socialSecurity = Property(fica, "socialSecurity");
        var medicare = Property(fica, "medicare");
        var additionalMedicare = Property(fica, "additionalMedicare");
        var supplemental = Property(root, "supplementalWages");

        return new UsFederalTaxTable(
            source,
            taxYear,
            payPeriods,
            line1g,
            Money(line1gElement, "whenStep2Checked"),
            Money(pre2020, "allowanceValueAnnual"),
            deductions,
            standard,
            checkbox,
            new FicaRates(
                Money(socialSecurity, "employeeRate"),
                Money(socialSecurity, "employerRate"),
                Money(socialSecurity, "wageBase"),
                socialSecurity.TryGetProperty("maxEmployeeSocialSecurityTax", out var max) ? Parse(max, "maxEmployeeSocialSecurityTax") : null,
                Money(medicare, "employeeRate"),
                Money(medicare, "employerRate"),
                Money(additionalMedicare, "employeeRate"),
                Money(additionalMedicare, "withholdingThreshold")),
            Money(supplemental, "optionalFlatRate"),
            Money(supplemental, "mandatoryRateOnSupplementalOver1Million"));
    }

    private static TaxBracket[] Brackets(JsonElement rows)
    {
        var brackets = new TaxBracket[rows.GetArrayLength()];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var butLessThan = Property(row, "butLessThan");
            brackets[i++] = new TaxBracket(
                Money(row, "atLeast"),
                butLessThan.ValueKind == JsonValueKind.Null ? null : Parse(butLessThan, "butLessThan"),
                Money(row, "tentativeAmount"),
                Money(row, "rate"),
                Money(row, "ofAmountExceeding"));
        }

        return brackets;
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new KeyNotFoundException($"missing property '{name}'.");

    private static decimal Money(JsonElement element, string name) => Parse(Property(element, name), name);

    /// <summary>The tables hold amounts as decimal strings so that no binary floating point ever touches them.</summary>
    private static decimal Parse(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new FormatException($"'{name}' must be a decimal string, not {value.GetRawText()}.");

    private static string JsonName(PayFrequency frequency) => frequency.ToString().ToLowerInvariant();

    private static string JsonName(FilingStatusTable status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
