namespace PayrollPortal.Api.Cli.Drill.BlueGreen;

/// <summary>
/// What the switch found: its checks, the traffic's counts (requests, those sent again, those that replayed, those that still
/// failed), the acknowledged writes, and latency: p99 in steady state on blue, and p99 from the switch to blue's exit.
/// </summary>
internal sealed record BlueGreenReport(
    IReadOnlyList<DrillCheck> Checks,
    long Requests,
    long Retried,
    long Replayed,
    long Failed,
    int AcknowledgedWrites,
    double SteadyP99Ms,
    int SteadySamples,
    double SwitchP99Ms,
    int SwitchSamples,
    double SwitchSeconds,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Status == DrillStatus.Pass);

    public string Summary =>
        $"{Requests} request(s), {Retried} sent again, {Replayed} replayed, {Failed} failed; {AcknowledgedWrites} acknowledged payroll(s); " +
        $"p99 {SteadyP99Ms:0} ms steady ({SteadySamples} samples), {SwitchP99Ms:0} ms from the switch to blue's exit ({SwitchSamples} samples, {SwitchSeconds:0.0} s)";
}
