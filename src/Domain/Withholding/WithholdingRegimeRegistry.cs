namespace PayrollPortal.Domain.Withholding;

/// <summary>
/// Looks regimes up by code. Built once at start-up from every registered regime, so adding a regime
/// is a new folder plus one registration, with no change to the regimes already here.
/// </summary>
public sealed class WithholdingRegimeRegistry
{
    private readonly Dictionary<string, IWithholdingRegime> _byCode;

    public WithholdingRegimeRegistry(IEnumerable<IWithholdingRegime> regimes)
    {
        _byCode = new Dictionary<string, IWithholdingRegime>(StringComparer.OrdinalIgnoreCase);
        foreach (var regime in regimes)
        {
            if (!_byCode.TryAdd(regime.Code, regime))
            {
                throw new ArgumentException($"Two withholding regimes share the code '{regime.Code}'.", nameof(regimes));
            }
        }
    }

    public IReadOnlyCollection<string> Codes => _byCode.Keys;

    public bool TryFind(string code, out IWithholdingRegime? regime) => _byCode.TryGetValue(code, out regime);

    /// <summary>The regime registered under <paramref name="code"/>, as its concrete type; a missing one is a wiring bug.</summary>
    public TRegime Get<TRegime>(string code)
        where TRegime : class, IWithholdingRegime =>
        _byCode.TryGetValue(code, out var regime) && regime is TRegime typed
            ? typed
            : throw new InvalidOperationException($"No withholding regime of type {typeof(TRegime).Name} is registered under '{code}'.");
}
