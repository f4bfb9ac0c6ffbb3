using System.Diagnostics;

namespace PayrollPortal.TestSupport;

/// <summary>
/// A small tmpfs mounted for one test, to fill up or turn read-only under a running app. Mounting needs root (build/test.sh
/// runs as root); elsewhere the tests that need it are skipped with the reason (<see cref="MountFactAttribute"/>).
/// </summary>
public sealed class SmallFilesystem : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(ProbeMount);

    private SmallFilesystem(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler.bin");

    /// <summary>Why no filesystem can be mounted here, or null when it can.</summary>
    public static string? WhyNotMountable => Unavailable.Value;

    public static SmallFilesystem Mount(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("payroll-smallfs-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0777", "tmpfs", path);
        return new SmallFilesystem(path);
    }

    /// <summary>Writes a file until the filesystem has no byte left.</summary>
    public void FillUp()
    {
        using var file = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        foreach (var size in new[] { 1 << 20, 1 << 12, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    file.Write(chunk);
                    file.Flush();
                }
            }
            catch (IOException)
            {
                // ENOSPC at this chunk size; a smaller one may still fit.
            }
        }
    }

    public void FreeUp() => File.Delete(Filler);

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose()
    {
        try
        {
            Run("umount", "--lazy", Path);
            Directory.Delete(Path);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            // A mount left behind in /tmp is harmless; the test's own outcome matters more.
        }
    }

    private static string? ProbeMount()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "tmpfs mounts need Linux";
        }

        try
        {
            Mount(1).Dispose();
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return ex.Message;
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()}");
        }
    }
}
