namespace PayrollPortal.Application.Regimes;

/// <summary>Every registered <typeparamref name="TPart"/>, by regime code. A regime without the part is a wiring bug.</summary>
public sealed class RegimeParts<TPart>(IEnumerable<TPart> parts)
    where TPart : IRegimePart
{
    private readonly Dictionary<string, TPart> _byRegime = parts.ToDictionary(p => p.Regime, StringComparer.OrdinalIgnoreCase);

    public TPart For(string regime) =>
        _byRegime.TryGetValue(regime, out var part)
            ? part
            : throw new InvalidOperationException($"The {regime} regime registers no {typeof(TPart).Name}; see docs/ARCHITECTURE.md, 'Regime modules'.");

    /// <summary>The part, for a part a regime may leave out (year-to-date figures, say).</summary>
    public TPart? Find(string regime) => _byRegime.GetValueOrDefault(regime);

    public IEnumerable<TPart> All => _byRegime.Values;
}
