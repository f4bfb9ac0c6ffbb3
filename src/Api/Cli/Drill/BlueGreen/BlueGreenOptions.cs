namespace PayrollPortal.Api.Cli.Drill.BlueGreen;

/// <summary>
/// What the blue/green switch runs on: a PostgreSQL database at this build's head, this build's executable, the environment
/// every instance shares (PII keys, the export signing key), a global administrator's credentials, the expand migration
/// green brings, and HAProxy.
/// </summary>
internal sealed record BlueGreenOptions(
    string DatabaseUrl,
    ServerCommand Command,
    IReadOnlyDictionary<string, string?> Environment,
    string AdminEmail,
    string AdminPassword,
    string ExpandScripts,
    string HaProxyBinary,
    string WorkDirectory,
    Action<string>? Progress = null)
{
    public int Workers { get; init; } = 3;

    /// <summary>Bounds each traffic loop, whatever happens to the switch.</summary>
    public int MaxIterationsPerWorker { get; init; } = 400;

    /// <summary>Kill -9 one blue instance mid-traffic before the switch (a crash, not a drain).</summary>
    public bool KillOneBlue { get; init; } = true;
}
