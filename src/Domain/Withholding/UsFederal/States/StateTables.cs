using System.Globalization;
using System.Reflection;
using System.Text.Json;
using PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>
/// Loads the state parameter files embedded in this assembly (<c>us-xx-YYYY-MM-DD.json</c>, one per jurisdiction and
/// edition, picked up by a glob in the project file) and checks each, so a bad file stops start-up. A new edition is a
/// new file: nothing in code names a year.
/// </summary>
public static class StateTables
{
    public const string Schema = "schema";
    public const string Citation = "citation";
    public const string Dates = "effective-dates";
    public const string Statuses = "filing-statuses";
    public const string BracketOrder = "bracket-order";
    public const string Overlap = "editions-overlap";
    private const string ResourcePrefix = "PayrollPortal.Domain.Withholding.UsFederal.States.Data.";

    /// <summary>Every embedded edition, checked, ordered by jurisdiction then start date.</summary>
    public static IReadOnlyList<StateEdition> LoadAll()
    {
        var assembly = typeof(StateTables).Assembly;
        var editions = new List<StateEdition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            editions.Add(Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]));
        }

        var ordered = editions.OrderBy(e => e.Jurisdiction, StringComparer.Ordinal).ThenBy(e => e.EffectiveFrom).ToList();
        CheckEditions(ordered);
        return ordered;
    }

    /// <summary>Parses and checks one file; <paramref name="source"/> is its file name, which must match its jurisdiction and start date.</summary>
    public static StateEdition Parse(string json, string source)
    {
        StateEdition edition;
        try
        {
            using var document = JsonDocument.Parse(json);
            edition = Read(document.RootElement.Clone(), source);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidTaxTableException(source, Schema, ex.Message, ex);
        }

        Check(edition);
        return edition;
    }

    /// <summary>Within a jurisdiction, editions must not overlap, and only the last may be open-ended.</summary>
    public static void CheckEditions(IReadOnlyList<StateEdition> editions)
    {
        foreach (var group in editions.GroupBy(e => e.Jurisdiction))
        {
            var ordered = group.OrderBy(e => e.EffectiveFrom).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                var previous = ordered[i - 1];
                if (previous.EffectiveTo is not { } end || end >= ordered[i].EffectiveFrom)
                {
                    throw new InvalidTaxTableException(ordered[i].Source, Overlap,
                        $"{previous.Source} ({StateErrors.Span(previous)}) overlaps {ordered[i].Source} ({StateErrors.Span(ordered[i])}): close the earlier edition the day before.");
                }
            }
        }
    }

    private static StateEdition Read(JsonElement root, string source)
    {
        var jurisdiction = root.GetProperty("jurisdiction").GetString()!;
        var from = DateOnly.ParseExact(root.GetProperty("effectiveFrom").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var toElement = root.GetProperty("effectiveTo");
        DateOnly? to = toElement.ValueKind == JsonValueKind.Null ? null : DateOnly.ParseExact(toElement.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var citation = root.GetProperty("citation");
        var rounding = new StateParams(root.GetProperty("rounding"));
        var statuses = root.GetProperty("filingStatuses").EnumerateArray().Select(s => s.GetString()!).ToArray();
        var taxability = StateTaxability.AllExcluded;
        if (root.TryGetProperty("taxableDeductions", out var taxed))
        {
            foreach (var deduction in taxed.EnumerateArray())
            {
                taxability |= deduction.GetString() switch
                {
                    "retirement" => StateTaxability.RetirementTaxed,
                    "cafeteria" => StateTaxability.CafeteriaTaxed,
                    "hsa" => StateTaxability.HsaTaxed,
                    var other => throw new FormatException($"taxableDeductions: '{other}' is not retirement, cafeteria or hsa."),
                };
            }
        }

        var methodName = root.GetProperty("method").GetString()!;
        var parameters = new StateParams(root.GetProperty("params"));
        decimal? annualRounding = rounding.Has("annual") ? rounding.Amount("annual") : null;
        IStateMethod method = methodName switch
        {
            "none" => new NoTaxMethod(),
            "flat" => new FlatRateMethod(parameters),
            "elected_rate" => new ElectedRateMethod(parameters),
            "annualized" => new AnnualizedMethod(parameters, annualRounding),
            "per_period" => new PerPeriodMethod(parameters),
            "al" => new AlabamaMethod(parameters),
            "ar" => new ArkansasMethod(parameters),
            "ca" => new CaliforniaMethod(parameters),
            "ct" => new ConnecticutMethod(parameters),
            "in" => new IndianaMethod(parameters),
            "ma" => new MassachusettsMethod(parameters),
            "md" => new MarylandMethod(parameters),
            "ny" => new NewYorkMethod(parameters),
            "or" => new OregonMethod(parameters),
            "ut" => new UtahMethod(parameters),
            _ => throw new FormatException($"method '{methodName}' is not one the engine knows."),
        };

        return new StateEdition(
            source,
            jurisdiction,
            from,
            to,
            new StateCitation(
                citation.GetProperty("publication").GetString()!,
                Optional(citation, "url"),
                citation.GetProperty("retrieved").GetString()!,
                Optional(citation, "sha256"),
                Optional(citation, "transcribedFrom")),
            methodName,
            statuses,
            root.TryGetProperty("defaultFilingStatus", out var fallback) ? fallback.GetString() : null,
            taxability,
            rounding.Amount("final"),
            method);
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Check(StateEdition edition)
    {
        var source = edition.Source;
        var expected = $"{edition.Jurisdiction.ToLowerInvariant()}-{edition.EffectiveFrom:yyyy-MM-dd}.json";
        if (!string.Equals(source, expected, StringComparison.Ordinal) || edition.Jurisdiction.Length != 5 || !edition.Jurisdiction.StartsWith("US-", StringComparison.Ordinal))
        {
            Fail(source, Schema, $"the file must be named {expected} after its jurisdiction (US-XX) and first day.");
        }

        if (edition.EffectiveTo is { } to && to < edition.EffectiveFrom)
        {
            Fail(source, Dates, "effectiveTo is before effectiveFrom.");
        }

        var citation = edition.Citation;
        if (string.IsNullOrWhiteSpace(citation.Publication) || !DateOnly.TryParseExact(citation.Retrieved, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || (edition.TaxesWages && (citation.Url is null || !citation.Url.StartsWith("https://", StringComparison.Ordinal))))
        {
            Fail(source, Citation, "a file needs the publication, its https address (for a state that taxes wages) and the retrieval date.");
        }

        if (edition.FinalRounding is not (0.01m or 1m))
        {
            Fail(source, Schema, "rounding.final must be 0.01 or 1.");
        }

        if (edition.DefaultFilingStatus is { } fallback && !edition.FilingStatuses.Contains(fallback))
        {
            Fail(source, Statuses, $"defaultFilingStatus '{fallback}' is not one of filingStatuses.");
        }

        // Every status the file declares must reach a schedule, and a file without statuses must print one for all.
        var statuses = edition.FilingStatuses.Count == 0 ? [null] : edition.FilingStatuses.Cast<string?>().ToArray();
        foreach (var status in statuses)
        {
            var covered = edition.Method switch
            {
                AnnualizedMethod m => m.CoversStatus(status),
                PerPeriodMethod m => m.CoversStatus(status),
                AlabamaMethod m => status is not null && m.CoversStatus(status),
                ConnecticutMethod m => status is not null && m.CoversStatus(status),
                MarylandMethod m => status is not null && m.CoversStatus(status),
                OregonMethod m => status is not null && m.CoversStatus(status),
                UtahMethod m => status is not null && m.CoversStatus(status),
                _ => true,
            };
            if (!covered)
            {
                Fail(source, Statuses, $"filing status '{status ?? "(none)"}' has no schedule in the file.");
            }
        }

        var tables = edition.Method switch
        {
            AnnualizedMethod m => m.BracketTables.Values.Values,
            PerPeriodMethod m => m.BracketTables.SelectMany(t => t.Values.Values),
            _ => [],
        };
        foreach (var rows in tables)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i].Rate is < 0m or >= 1m || rows[i].Base < 0m || (i > 0 && rows[i].Over <= rows[i - 1].Over) || (i == 0 && rows[i].Over != 0m))
                {
                    Fail(source, BracketOrder, "bracket rows must start at 0 and ascend, with rates in [0, 1) and bases not negative.");
                }
            }
        }
    }

    private static void Fail(string source, string check, string detail) => throw new InvalidTaxTableException(source, check, detail);
}
