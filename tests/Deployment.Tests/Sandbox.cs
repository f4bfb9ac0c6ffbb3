using System.Diagnostics;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Deployment.Tests;

/// <summary>
/// The container's confinement without Docker: bubblewrap gives a read-only root with a tmpfs /tmp and one writable data
/// folder (the volume), and loads deploy/seccomp.json (compiled to BPF by build/seccomp_bpf.py) as the seccomp filter.
/// The published app is bound read-only at /tmp/app, as the image's /app.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    public const string AppInSandbox = "/tmp/app";

    private readonly string _bpf;

    private Sandbox(string appFolder, string dataFolder, string bpf)
    {
        AppFolder = appFolder;
        DataFolder = dataFolder;
        _bpf = bpf;
    }

    public string AppFolder { get; }

    public string DataFolder { get; }

    /// <exception cref="InvalidOperationException">bwrap or libseccomp's Python bindings are missing (build/test.sh installs both).</exception>
    public static Sandbox Create(string appFolder, string dataFolder)
    {
        if (!File.Exists("/usr/bin/bwrap"))
        {
            throw new InvalidOperationException("bubblewrap is missing: apt-get install -y bubblewrap (build/test.sh installs it)");
        }

        var bpf = Path.Combine(dataFolder, "..", "seccomp.bpf");
        var compile = Process.Start(new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { RepositoryFiles.PathOf("build/seccomp_bpf.py"), RepositoryFiles.PathOf("deploy/seccomp.json"), bpf },
            RedirectStandardError = true,
        })!;
        var error = compile.StandardError.ReadToEnd();
        compile.WaitForExit();
        if (compile.ExitCode != 0)
        {
            throw new InvalidOperationException($"compiling deploy/seccomp.json failed (apt-get install -y python3-seccomp): {error}");
        }

        return new Sandbox(appFolder, dataFolder, Path.GetFullPath(bpf));
    }

    /// <summary>Starts <paramref name="program"/> inside the sandbox with exactly <paramref name="environment"/> (plus PATH).</summary>
    public Process Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        // bwrap reads the filter from a file descriptor; the shell opens it, then becomes bwrap.
        var command = string.Join(' ', new[]
        {
            "exec", "/usr/bin/bwrap", "--die-with-parent", "--ro-bind", "/", "/", "--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc",
            "--bind", Quote(DataFolder), Quote(DataFolder), "--ro-bind", Quote(AppFolder), AppInSandbox, "--chdir", Quote(DataFolder),
            "--seccomp", "3", Quote(program),
        }.Concat(arguments.Select(Quote))) + $" 3<{Quote(_bpf)}";
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // --die-with-parent kills the sandbox when the *thread* that forked it ends (PR_SET_PDEATHSIG), and thread-pool
        // threads come and go: fork from a thread of our own that lives until the sandbox exits.
        Process? process = null;
        using var started = new ManualResetEventSlim();
        var owner = new Thread(() =>
        {
            process = Process.Start(start)!;
            started.Set();
            process.WaitForExit();
        }) { IsBackground = true, Name = "bwrap-owner" };
        owner.Start();
        started.Wait();
        return process!;
    }

    public async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(program, arguments, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>SIGTERM to the program bwrap runs (bwrap does not forward signals), so the app shuts down as under Docker.</summary>
    public static void Terminate(Process bwrap)
    {
        var children = $"/proc/{bwrap.Id}/task/{bwrap.Id}/children";
        if (File.Exists(children))
        {
            foreach (var child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                using var kill = Process.Start("/bin/kill", ["-TERM", child.Trim()]);
                kill.WaitForExit();
            }
        }
    }

    public void Dispose() => File.Delete(_bpf);

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
