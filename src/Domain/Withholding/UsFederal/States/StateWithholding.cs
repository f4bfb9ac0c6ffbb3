namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>One pay period's state income tax: rounded as the jurisdiction's publication rounds, additional withholding included.</summary>
/// <param name="TaxableWages">The period's wages the state taxes (after the deductions the state excludes).</param>
/// <param name="Edition">The parameter file that applied: its effective dates and citation.</param>
public sealed record StateWithholding(string Jurisdiction, decimal TaxableWages, decimal IncomeTax, StateEdition Edition, StateTrace Trace);

/// <summary>The worksheet lines in the publication's terms, in order, at full precision; and notes (ignored inputs, cliffs taken).</summary>
public sealed class StateTrace
{
    private readonly List<KeyValuePair<string, decimal>> _lines = new(12);
    private List<string>? _notes;

    public IReadOnlyList<KeyValuePair<string, decimal>> Lines => _lines;

    public IReadOnlyList<string> Notes => (IReadOnlyList<string>?)_notes ?? [];

    public decimal Add(string line, decimal value)
    {
        _lines.Add(new(line, value));
        return value;
    }

    public void Note(string note) => (_notes ??= new List<string>(2)).Add(note);
}
