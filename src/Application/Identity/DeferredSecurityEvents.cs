using PayrollPortal.Application.Audit;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Security events a command raises while its transaction is open. They are recorded in the <c>security</c> chain once
/// the transaction has ended (<see cref="Common.Behaviors.UnitOfWorkBehavior{TMessage, TResponse}"/>), committed or rolled
/// back: a refused write rolls back, and the record of the attempt must not go with it. Writing them at once instead would
/// need a second writer while the command holds SQLite's only one.
/// </summary>
public sealed class DeferredSecurityEvents
{
    private readonly List<AuditEntry> _entries = [];

    public void Add(AuditEntry entry) => _entries.Add(entry);

    /// <summary>The events raised so far, removed from the list.</summary>
    public IReadOnlyList<AuditEntry> Drain()
    {
        var drained = _entries.ToList();
        _entries.Clear();
        return drained;
    }
}
