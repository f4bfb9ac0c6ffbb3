namespace PayrollPortal.Application.Common.Security;

/// <summary>
/// Protects personal identifiers (SSNs) at rest: authenticated encryption under a rotating key ring, and a keyed blind index
/// for equality checks without decrypting.
/// </summary>
public interface IPiiProtector
{
    /// <summary>Encrypts under the current (first) key; the result names its key id.</summary>
    string Protect(string plaintext);

    string Unprotect(string protectedValue);

    /// <summary>The blind index under the current key, which is what gets stored.</summary>
    string BlindIndex(string plaintext);

    /// <summary>
    /// The blind index under every key in the ring, so a duplicate is found even before rows are rotated. The first is the
    /// current key's, the one <see cref="BlindIndex"/> gives.
    /// </summary>
    IReadOnlyList<string> BlindIndexCandidates(string plaintext);

    /// <summary>True when the value was encrypted under a key other than the current one.</summary>
    bool NeedsRotation(string protectedValue);
}
