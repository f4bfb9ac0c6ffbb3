using Dapper;

namespace PayrollPortal.Infrastructure.Persistence.Audit;

/// <summary>
/// Walks every chain from its first event: each event's sequence number must follow the previous one, its prev_hash must be
/// the previous event's hash, and its own hash must match its content. The chain head must point at the last event, which
/// catches deleting the newest events. Problems are reported in chain order, so the first one names the first broken link.
/// </summary>
public sealed class AuditVerifier(DbSession session)
{
    public sealed record Report(long Events, int Chains, IReadOnlyList<string> Problems)
    {
        public bool IsIntact => Problems.Count == 0;
    }

    public async Task<Report> VerifyAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var heads = (await connection.QueryAsync<(string Chain, long Seq, string Hash)>(new CommandDefinition(
            "SELECT chain, seq, hash FROM audit_chain_heads", cancellationToken: cancellationToken)))
            .ToDictionary(h => h.Chain, h => (h.Seq, h.Hash), StringComparer.Ordinal);

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long events = 0;
        string? chain = null;
        long expectedSeq = 0;
        var expectedPrev = AuditLink.Genesis;

        var links = await connection.QueryAsync<AuditLink>(new CommandDefinition(
            $"SELECT {AuditLink.Columns} FROM audit_events ORDER BY chain, seq", cancellationToken: cancellationToken));
        foreach (var link in links)
        {
            events++;
            if (!string.Equals(link.Chain, chain, StringComparison.Ordinal))
            {
                if (chain is not null)
                {
                    CheckHead(chain, expectedSeq - 1, expectedPrev, heads, problems);
                }

                chain = link.Chain;
                seen.Add(chain);
                expectedSeq = 1;
                expectedPrev = AuditLink.Genesis;
            }

            var name = $"chain {link.Chain} event {link.Seq} (id {link.Id}, {link.Action})";
            if (link.Seq != expectedSeq)
            {
                problems.Add($"missing link: chain {link.Chain} has no event {expectedSeq}; the next is {name}");
            }
            else if (!string.Equals(link.PrevHash, expectedPrev, StringComparison.Ordinal))
            {
                problems.Add($"broken link: {name} does not follow the previous event's hash");
            }

            if (!string.Equals(link.ComputeHash(), link.Hash, StringComparison.Ordinal))
            {
                problems.Add($"altered event: {name} does not match its hash");
            }

            expectedSeq = link.Seq + 1;
            expectedPrev = link.Hash;
        }

        if (chain is not null)
        {
            CheckHead(chain, expectedSeq - 1, expectedPrev, heads, problems);
        }

        foreach (var (headChain, head) in heads.Where(h => !seen.Contains(h.Key) && h.Value.Seq > 0))
        {
            problems.Add($"missing link: chain {headChain} should have {head.Seq} event(s) but has none");
        }

        return new Report(events, seen.Count, problems);
    }

    private static void CheckHead(string chain, long lastSeq, string lastHash, Dictionary<string, (long Seq, string Hash)> heads, List<string> problems)
    {
        if (!heads.TryGetValue(chain, out var head))
        {
            problems.Add($"missing link: chain {chain} has events but no head");
        }
        else if (head.Seq != lastSeq || !string.Equals(head.Hash, lastHash, StringComparison.Ordinal))
        {
            problems.Add(head.Seq > lastSeq
                ? $"missing link: chain {chain} ends at event {lastSeq} but its head records {head.Seq} (events {lastSeq + 1}..{head.Seq} were removed)"
                : $"broken link: chain {chain} head (event {head.Seq}) does not match its last event {lastSeq}");
        }
    }
}
