namespace PayrollPortal.Api.Cli.Drill.BlueGreen;

/// <summary>How to start this build's <c>payroll</c>: <c>dotnet payroll.dll</c>, or the apphost itself.</summary>
internal sealed record ServerCommand(string File, IReadOnlyList<string> Arguments)
{
    /// <summary>The executable this process runs from, so every instance is this very build.</summary>
    public static ServerCommand OfThisBuild()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "payroll.dll");
        var host = Environment.ProcessPath;
        return host is not null && Path.GetFileNameWithoutExtension(host) != "dotnet" && Path.GetFileName(host).StartsWith("payroll", StringComparison.Ordinal)
            ? new ServerCommand(host, [])
            : new ServerCommand(host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet", [assembly]);
    }

    public IReadOnlyList<string> With(params string[] arguments) => [.. Arguments, .. arguments];
}
