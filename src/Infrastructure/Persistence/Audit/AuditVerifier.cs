using Dapper;
using PayrollPortal.Application.Audit;

namespace PayrollPortal.Infrastructure.Persistence.Audit;

/// <summary>
/// Walks every chain from its first event: each event's sequence number must follow the previous one, its prev_hash must be
/// the previous event's hash, and its own hash must match its content. The chain head must point at the last event, which
/// catches deleting the newest events. Problems are reported in chain order, so the first one names the first broken link.
/// The events are streamed (an unbuffered reader), so memory grows with the number of chains' heads, not of events; only the
/// first problems are kept, the rest counted.
/// </summary>
public sealed class AuditVerifier(DbSession session) : IAuditVerification
{
    /// <summary>What the CLI keeps and prints; a trail broken in more places than this needs a restore, not a longer list.</summary>
    public const int DefaultMaxProblems = 1000;

    public Task<AuditVerificationReport> VerifyAsync(CancellationToken cancellationToken) => VerifyAsync(DefaultMaxProblems, cancellationToken);

    public async Task<AuditVerificationReport> VerifyAsync(int maxProblems, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var heads = (await connection.QueryAsync<(string Chain, long Seq, string Hash)>(new CommandDefinition(
            "SELECT chain, seq, hash FROM audit_chain_heads", transaction: session.Transaction, cancellationToken: cancellationToken)))
            .ToDictionary(h => h.Chain, h => (h.Seq, h.Hash), StringComparer.Ordinal);

        var problems = new Problems(maxProblems);
        var chains = 0;
        long events = 0;
        string? chain = null;
        long expectedSeq = 0;
        var expectedPrev = AuditLink.Genesis;

        var links = connection.QueryUnbufferedAsync<AuditLink>(
            $"SELECT {AuditLink.Columns} FROM audit_events ORDER BY chain, seq", transaction: session.Transaction);
        await foreach (var link in links.WithCancellation(cancellationToken))
        {
            events++;
            if (!string.Equals(link.Chain, chain, StringComparison.Ordinal))
            {
                if (chain is not null)
                {
                    CheckHead(chain, expectedSeq - 1, expectedPrev, heads, problems);
                }

                chain = link.Chain;
                chains++;
                expectedSeq = 1;
                expectedPrev = AuditLink.Genesis;
            }

            var name = $"chain {link.Chain} event {link.Seq} (id {link.Id}, {link.Action})";
            if (link.Seq != expectedSeq)
            {
                problems.Add(link.Chain, $"missing link: chain {link.Chain} has no event {expectedSeq}; the next is {name}");
            }
            else if (!string.Equals(link.PrevHash, expectedPrev, StringComparison.Ordinal))
            {
                problems.Add(link.Chain, $"broken link: {name} does not follow the previous event's hash");
            }

            if (!string.Equals(link.ComputeHash(), link.Hash, StringComparison.Ordinal))
            {
                problems.Add(link.Chain, $"altered event: {name} does not match its hash");
            }

            expectedSeq = link.Seq + 1;
            expectedPrev = link.Hash;
        }

        if (chain is not null)
        {
            CheckHead(chain, expectedSeq - 1, expectedPrev, heads, problems);
        }

        // CheckHead removed every head it met; those left belong to chains whose events are all gone.
        foreach (var (headChain, head) in heads.Where(h => h.Value.Seq > 0).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            problems.Add(headChain, $"missing link: chain {headChain} should have {head.Seq} event(s) but has none");
        }

        return new AuditVerificationReport(events, chains, problems.BrokenChains, problems.Count, problems.Kept);
    }

    private static void CheckHead(string chain, long lastSeq, string lastHash, Dictionary<string, (long Seq, string Hash)> heads, Problems problems)
    {
        if (!heads.Remove(chain, out var head))
        {
            problems.Add(chain, $"missing link: chain {chain} has events but no head");
        }
        else if (head.Seq != lastSeq || !string.Equals(head.Hash, lastHash, StringComparison.Ordinal))
        {
            problems.Add(chain, head.Seq > lastSeq
                ? $"missing link: chain {chain} ends at event {lastSeq} but its head records {head.Seq} (events {lastSeq + 1}..{head.Seq} were removed)"
                : $"broken link: chain {chain} head (event {head.Seq}) does not match its last event {lastSeq}");
        }
    }

    /// <summary>The first problems in order, and how many there were in all and in how many chains.</summary>
    private sealed class Problems(int max)
    {
        private string? _lastBrokenChain;

        public List<string> Kept { get; } = [];

        public long Count { get; private set; }

        public int BrokenChains { get; private set; }

        public void Add(string chain, string problem)
        {
            Count++;
            if (!string.Equals(chain, _lastBrokenChain, StringComparison.Ordinal))
            {
                // Problems arrive chain by chain, except the trailing headless chains, each of which is new.
                BrokenChains++;
                _lastBrokenChain = chain;
            }

            if (Kept.Count < max)
            {
                Kept.Add(problem);
            }
        }
    }
}
