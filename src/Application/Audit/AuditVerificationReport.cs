namespace PayrollPortal.Application.Audit;

/// <summary>
/// The outcome of walking every hash chain: how many events and chains were checked, how many chains are broken, and the
/// first <see cref="Problems"/> in chain order (at most the number asked for; <see cref="ProblemCount"/> counts them all),
/// so the answer stays small however damaged the trail is.
/// </summary>
public sealed record AuditVerificationReport(long Events, int Chains, int BrokenChains, long ProblemCount, IReadOnlyList<string> Problems)
{
    public bool IsIntact => ProblemCount == 0;

    /// <summary>The first broken or missing link, or null when every link holds.</summary>
    public string? FirstProblem => Problems.Count == 0 ? null : Problems[0];
}
