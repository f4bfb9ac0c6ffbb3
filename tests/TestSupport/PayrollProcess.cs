using System.Diagnostics;

namespace PayrollPortal.TestSupport;

/// <summary>
/// Runs the real <c>payroll</c> executable (payroll.dll, copied beside the test assembly) as a child process, for what only a
/// process shows: exit codes, console output and refusing to start.
/// </summary>
public static class PayrollProcess
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "payroll.dll");

    public static async Task<Outcome> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, string? workingDirectory = null)
    {
        using var process = Start(arguments, environment, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"payroll {string.Join(' ', arguments)} did not exit within {timeout}; output: {await stdout} {await stderr}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the executable and leaves it running; the caller reads its output and kills it.</summary>
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // DATABASE_URL and friends from the test runner's environment must not leak into the child.
        start.Environment.Remove("DATABASE_URL");
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
