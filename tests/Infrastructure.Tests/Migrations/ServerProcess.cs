using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

/// <summary>
/// The server as a real process (<see cref="PayrollProcess"/>) on a free port, with its output collected while it runs, so a
/// test can watch the port and the logs of a server that may refuse to start. WebApplicationFactory stops the entry point
/// right after Build(), so start-up enforcement can only be observed this way.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        _output = ProcessOutput.Capture(process);
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public string Output => _output.ToString();

    /// <summary>Serves with the given settings; PAYROLL_ENFORCE_MIGRATIONS is cleared unless given, so the runner's own never leaks in.</summary>
    public static ServerProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var port = PayrollProcess.FreePort();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["LOG_FORMAT"] = "text",
            ["PAYROLL_ENFORCE_MIGRATIONS"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var process = PayrollProcess.Start([], environment, Directory.CreateTempSubdirectory("payroll-server-").FullName);
        return new ServerProcess(process, port);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>Whether anything accepts TCP connections on the server's port right now.</summary>
    public async Task<bool> IsListeningAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops a container.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The first answer of /api/readyz once the server listens, or -1 if the process exited first.</summary>
    public async Task<int> ReadyStatusAsync(TimeSpan timeout)
    {
        // No per-request timeout: on a loaded 2-core machine the first request (JIT, first connection) can take many seconds;
        // the overall deadline bounds the wait instead.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(timeout);
        while (!HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/api/readyz", UriKind.Relative), deadline.Token);
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }

        return -1;
    }
}
