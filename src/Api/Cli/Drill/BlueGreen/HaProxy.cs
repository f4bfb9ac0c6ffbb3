using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PayrollPortal.Api.Cli.Drill.BlueGreen;

/// <summary>
/// HAProxy in front of the instances, as the runbook's load balancer: HTTP health checks on <c>/api/readyz</c> every
/// <see cref="CheckInterval"/>, down after <see cref="FallCount"/> failures, <c>option forwardfor</c>, and retries of a request
/// that never reached an instance (or got no response at all) on another one. The switch itself goes through the runtime API
/// on a UNIX socket (<c>set server backend/name state ready|maint</c>).
/// </summary>
internal sealed class HaProxy : IAsyncDisposable
{
    public const string Backend = "app";
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);
    public const int FallCount = 2;

    private readonly ChildProcess _process;
    private readonly string _socket;

    private HaProxy(ChildProcess process, string socket, int port)
    {
        _process = process;
        _socket = socket;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri Address { get; }

    public string Output => _process.Output;

    /// <summary><c>HAPROXY_BIN</c>, else haproxy on PATH, else Debian's /usr/sbin/haproxy.</summary>
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "haproxy")).Append("/usr/sbin/haproxy");
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Starts HAProxy with <paramref name="servers"/> (name, port, enabled); a disabled one is in the pool's list but takes no traffic.</summary>
    public static async Task<HaProxy> StartAsync(string binary, string work, int port, IReadOnlyList<(string Name, int Port, bool Enabled)> servers)
    {
        var socket = Path.Combine(work, "haproxy.sock");
        var config = new StringBuilder()
            .AppendLine("global")
            .AppendLine(CultureInfo.InvariantCulture, $"    stats socket {socket} mode 600 level admin")
            .AppendLine("defaults")
            .AppendLine("    mode http")
            .AppendLine("    timeout connect 2s")
            .AppendLine("    timeout client 60s")
            .AppendLine("    timeout server 60s")
            .AppendLine("    option forwardfor")
            .AppendLine("    option redispatch 1")
            .AppendLine("    retries 3")
            // Only what never reached an instance or got no byte back; a keyed write the client sends again replays.
            .AppendLine("    retry-on conn-failure empty-response")
            .AppendLine("frontend web")
            .AppendLine(CultureInfo.InvariantCulture, $"    bind 127.0.0.1:{port}")
            .AppendLine(CultureInfo.InvariantCulture, $"    default_backend {Backend}")
            .AppendLine(CultureInfo.InvariantCulture, $"backend {Backend}")
            .AppendLine("    balance roundrobin")
            .AppendLine("    option httpchk")
            .AppendLine("    http-check send meth GET uri /api/readyz")
            .AppendLine("    http-check expect status 200")
            .AppendLine(CultureInfo.InvariantCulture, $"    default-server inter {CheckInterval.TotalMilliseconds:0}ms fall {FallCount} rise 1");
        foreach (var (name, serverPort, enabled) in servers)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"    server {name} 127.0.0.1:{serverPort} check{(enabled ? "" : " disabled")}");
        }

        var file = Path.Combine(work, "haproxy.cfg");
        await File.WriteAllTextAsync(file, config.ToString());
        var process = ChildProcess.Start(binary, ["-f", file, "-db"], new Dictionary<string, string?>(), work);
        var proxy = new HaProxy(process, socket, port);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!File.Exists(socket) && !process.HasExited && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return File.Exists(socket) ? proxy : throw new InvalidOperationException($"HAProxy did not start: {process.Output}");
    }

    /// <summary><c>ready</c> puts a server in the pool, <c>maint</c> takes it out (requests in flight finish).</summary>
    public Task<string> SetStateAsync(string server, string state) => CommandAsync($"set server {Backend}/{server} state {state}");

    /// <summary>The server's status in <c>show stat</c>: UP, DOWN, MAINT, or "UP 1/2" while a check is pending.</summary>
    public async Task<string> StatusAsync(string server)
    {
        var lines = (await CommandAsync("show stat")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        var status = Array.IndexOf(header, "status");
        var row = lines.Skip(1).Select(l => l.Split(',')).FirstOrDefault(c => c.Length > status && c[0] == Backend && c[1] == server);
        return row?[status] ?? "unknown";
    }

    /// <summary>Polls until the server's status starts with <paramref name="expected"/>; false at the deadline.</summary>
    public async Task<bool> WaitForStatusAsync(string server, string expected, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if ((await StatusAsync(server)).StartsWith(expected, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task<string> CommandAsync(string command)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socket));
        await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"));
        var answer = new StringBuilder();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer)) > 0)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return answer.ToString();
    }
}
