using System.Globalization;
using System.Net;

namespace PayrollPortal.Api.Cli.Drill.BlueGreen;

/// <summary>One serving instance of the app: a child process on its own loopback port and its own DATA_DIR, as a pod has.</summary>
internal sealed class AppInstance : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private AppInstance(string name, ChildProcess process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address { get; }

    public ChildProcess Process => _process;

    public static AppInstance Start(string name, ServerCommand command, int port, string work, IReadOnlyDictionary<string, string?> environment)
    {
        var dataDir = Path.Combine(work, name);
        Directory.CreateDirectory(dataDir);
        var merged = new Dictionary<string, string?>(environment, StringComparer.Ordinal)
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = null,
            ["DATA_DIR"] = dataDir,
            ["LOG_FORMAT"] = "text",
        };
        return new AppInstance(name, ChildProcess.Start(command.File, command.Arguments, merged, dataDir), port);
    }

    /// <summary>Polls <c>/api/readyz</c> until 200; false if the process exits or the deadline passes first.</summary>
    public async Task<bool> WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + within;
        while (!_process.HasExited && DateTime.UtcNow < until)
        {
            try
            {
                using var response = await client.GetAsync("api/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        return false;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
