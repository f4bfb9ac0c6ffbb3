using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>The state engine's answers to bad input; each names the field and, where there is a set, lists what is allowed.</summary>
public static class StateErrors
{
    public static Error UnknownField(string field, IEnumerable<string> allowed) => Error.Validation(
        "state.field_unknown", $"{field} is not a state certificate field; the fields are {List(allowed)}.", field);

    public static Error NotAllowed(string field, string value, IEnumerable<string> allowed, string? why = null) => Error.Validation(
        "state.value_not_allowed", $"{field} \"{value}\" is not allowed{(why is null ? string.Empty : $" ({why})")}; allowed: {List(allowed)}.", field);

    public static Error Required(string field, IEnumerable<string> allowed) => Error.Validation(
        "state.value_required", $"{field} is required for this jurisdiction; allowed: {List(allowed)}.", field);

    public static Error Invalid(string field, string message) => Error.Validation("state.value_invalid", $"{field} {message}", field);

    public static Error JurisdictionUnknown(string? value, IEnumerable<string> allowed) => Error.Validation(
        value is null ? "state.value_required" : "state.jurisdiction_unknown",
        value is null ? $"state.jurisdiction is required; allowed: {List(allowed)}." : $"state.jurisdiction \"{value}\" is not a US state or DC; allowed: {List(allowed)}.",
        "state.jurisdiction");

    public static Error EditionUnavailable(string jurisdiction, DateOnly payDate, IEnumerable<StateEdition> editions) => Error.Validation(
        "state.edition_unavailable",
        $"No {jurisdiction} withholding edition covers the pay date {payDate:yyyy-MM-dd}; editions: {List(editions.Select(Span))}.",
        "payDate");

    public static Error FrequencyUnsupported(string jurisdiction, PayFrequency frequency, IEnumerable<PayFrequency> allowed) => Error.Validation(
        "state.pay_frequency_unsupported",
        $"{jurisdiction} prints no table for {StatePeriods.Name(frequency)} pay; allowed: {List(allowed.Select(StatePeriods.Name))}.",
        "payFrequency");

    public static string Span(StateEdition edition) =>
        $"{edition.EffectiveFrom:yyyy-MM-dd} to {(edition.EffectiveTo is { } to ? to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "open")}";

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}
