using System.Diagnostics;
using System.Text;

namespace PayrollPortal.TestSupport;

/// <summary>
/// Collects a running process's stdout and stderr lines. The process raises its output events on thread-pool threads while
/// the test reads, so every append and every read takes the same lock: a StringBuilder read while another thread appends
/// can throw (ArgumentOutOfRangeException in ToString) or return a torn line.
/// </summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    private ProcessOutput()
    {
    }

    /// <summary>Starts reading both streams of <paramref name="process"/>, which must have been started with them redirected.</summary>
    public static ProcessOutput Capture(Process process)
    {
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public bool Contains(string value)
    {
        lock (_text)
        {
            return _text.ToString().Contains(value, StringComparison.Ordinal);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
